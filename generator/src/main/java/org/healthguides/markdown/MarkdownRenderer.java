package org.healthguides.markdown;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.healthguides.content.UrlPath;
import org.healthguides.content.WarningKind;
import org.healthguides.diagnostics.Code;
import org.healthguides.diagnostics.Problem;
import org.healthguides.diagnostics.Suggestions;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.healthguides.readability.Prose;
import org.healthguides.readability.ReadingStats;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlBlockBase;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.HtmlInlineBase;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.util.ast.TextCollectingVisitor;
import com.vladsch.flexmark.ext.admonition.AdmonitionBlock;
import com.vladsch.flexmark.ext.footnotes.Footnote;
import com.vladsch.flexmark.ext.footnotes.FootnoteBlock;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.parser.ListOptions;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.LineAppendable;

/**
 * Turns a Markdown body into safe HTML plus what the site needs to know about it (headings, callouts,
 * references, links), and reports what is wrong with it at the line the editor wrote.
 * One instance is shared by all pages and threads: Flexmark's parser and renderer are immutable.
 */
public final class MarkdownRenderer {
    /** The start of an address with a scheme ("https:", "mailto:", "javascript:"). */
    static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");
    static final String SANITISE_BASE = "https://site.invalid/";
    /** A source in a reference: "doi:10.1234/abc" (group 1 set) or a web address. */
    static final Pattern SOURCE = Pattern.compile("(?i)\\b(doi:\\s?10\\.\\d{4,9}/\\S+)|\\bhttps?://\\S+");
    /** Nodes inside nodes: a guide's deepest part (a link in emphasis in a nested list in a callout) is about 12. */
    static final int MAX_TREE_DEPTH = 100;
    // Selectors parsed once: parsing a CSS query for every page showed in the build's profile.
    /** jsoup's selectors of the path through jsoup, parsed when that path is first taken (never, in most rebuilds). */
    private static final class Selectors {
        static final Evaluator FOOTNOTES = QueryParser.parse("div.footnotes");
        static final Evaluator FOOTNOTE_ITEMS = QueryParser.parse("ol > li[id]");
        static final Evaluator BACK_LINKS = QueryParser.parse("a.footnote-backref");
        static final Evaluator CITATIONS = QueryParser.parse("a.footnote-ref");
        static final Evaluator HEADINGS = QueryParser.parse("h1[id], h2[id], h3[id], h4[id], h5[id], h6[id]");
    }

    private final Map<String, WarningKind> kinds;
    /** Flexmark's parsers and renderer and the content safelist; made when first needed (see {@link #flexmark()}). */
    private volatile Flexmark flexmark;

    /**
     * Flexmark's set-up: the same for every renderer whatever its language and words, and immutable, so made once per
     * process and shared (a site in three languages made it three times).
     *
     * @param parserWithoutTables the same parser without the tables extension, for bodies without a '|' (see {@link #parse})
     */
    private record Flexmark(Parser parser, Parser parserWithoutTables, HtmlRenderer renderer, Safelist safelist, ListOptions listOptions) {
        private static volatile Flexmark made;

        /** The process's one set-up, made by the first thread that asks; another that asks meanwhile waits for it. */
        static Flexmark make() {
            Flexmark flexmark = made;
            if (flexmark == null) {
                synchronized (Flexmark.class) {
                    flexmark = made;
                    if (flexmark == null) {
                        MutableDataSet options = flexmarkOptions();
                        Parser parser = MarkdownRenderer.parser(options, true, true);
                        // The list options every document of these parsers has (ListOptions.get(document) read some 30
                        // keys of each document's options, 0.05 CPU-s of a 10,000-page build): no parse sets a list's key.
                        flexmark = new Flexmark(parser, MarkdownRenderer.parser(options, false, true),
                                htmlRenderer(options), contentSafelist(), ListOptions.get(parser.getOptions()));
                        made = flexmark;
                    }
                }
            }
            return flexmark;
        }
    }

    /**
     * Sets Flexmark up on the calling thread, ahead of the first body: a cold build does it on its templates thread
     * while the content is read (see pipeline.Pipeline), since the first set-up in a process (Flexmark's extensions
     * loaded, its character predicates spun as lambdas) is about 20 ms that the main thread would otherwise wait for.
     */
    public static void prepare() {
        Flexmark.make();
    }

    /** Null, or what each source rendered to, so a preview server re-parses only the files that changed. */
    private final Map<MarkdownSource, RenderedMarkdown> remembered;
    private final java.util.Set<MarkdownSource> usedSinceForget;
    /** Null, or the build cache on disk: renderings of earlier builds, and where this build's are kept. */
    private final Store store;

    /** Renderings kept outside this renderer (the build cache): looked up before rendering, told of every result. */
    public interface Store {
        /** The rendering of exactly this source by this generator and settings, or null. */
        RenderedMarkdown find(MarkdownSource source);

        void keep(MarkdownSource source, RenderedMarkdown rendered);
    }

    /** The accessible name of a heading's anchor link, "{heading}" standing for the heading's text. */
    public static final String DEFAULT_HEADING_LINK_LABEL = MarkdownWords.ENGLISH.headingLink();
    private final MarkdownWords words;

    public MarkdownRenderer(Map<String, WarningKind> kinds) {
        this(kinds, MarkdownWords.ENGLISH, false, null);
    }

    /** @param words what the renderer writes for screen readers, in the text's language */
    public MarkdownRenderer(Map<String, WarningKind> kinds, MarkdownWords words) {
        this(kinds, words, false, null);
    }

    /** A renderer that first looks in {@code store} and keeps every result there. */
    public static MarkdownRenderer storing(Map<String, WarningKind> kinds, MarkdownWords words, Store store) {
        return new MarkdownRenderer(kinds, words, false, store);
    }

    /**
     * A renderer that remembers each body's result, keyed by the source record (its text, file and page),
     * so rendering unchanged files again is a lookup. {@link #forgetUnused()} keeps memory bounded.
     */
    public static MarkdownRenderer remembering(Map<String, WarningKind> kinds) {
        return new MarkdownRenderer(kinds, MarkdownWords.ENGLISH, true, null);
    }

    public static MarkdownRenderer remembering(Map<String, WarningKind> kinds, MarkdownWords words) {
        return new MarkdownRenderer(kinds, words, true, null);
    }

    private MarkdownRenderer(Map<String, WarningKind> kinds, MarkdownWords words, boolean remember, Store store) {
        this.store = store;
        this.words = words;
        this.remembered = remember ? new java.util.concurrent.ConcurrentHashMap<>() : null;
        this.usedSinceForget = remember ? java.util.concurrent.ConcurrentHashMap.newKeySet() : null;
        this.kinds = Map.copyOf(kinds);
        if (store == null) {
            this.flexmark = Flexmark.make();
        }
        // With a store (the build cache) Flexmark is set up when a body is first rendered: a rebuild that finds every
        // body in the store (an edit's unchanged guides, taken whole) does not wait for it (~90 ms under C1 at start-up).
    }

    /** Flexmark, set up once, by the first thread that needs it (see {@link Flexmark#make}). */
    private Flexmark flexmark() {
        Flexmark made = flexmark;
        if (made == null) {
            made = Flexmark.make();
            flexmark = made;
        }
        return made;
    }

    /** Flexmark's options for both the parser and the renderer, as {@code bench/FlexmarkAlone.java} sets them too. */
    static MutableDataSet flexmarkOptions() {
        MutableDataSet options = new MutableDataSet();
        options.set(HtmlRenderer.GENERATE_HEADER_ID, true);
        options.set(HtmlRenderer.RENDER_HEADER_ID, true);
        options.set(HtmlRenderer.HEADER_ID_GENERATOR_NO_DUPED_DASHES, true);
        options.set(HtmlRenderer.FENCED_CODE_LANGUAGE_CLASS_PREFIX, "language-");
        options.set(TablesExtension.CLASS_NAME, "table");
        // Not Flexmark's document line tracking (Parser.TRACK_DOCUMENT_LINES): lines are found with LineIndex.
        // Pass-through: Flexmark appends the HTML without examining each line for formatting. `check` on 10,000
        // generated pages used about 4% less CPU, and the guide and a 1,000-page corpus built byte for byte the same.
        options.set(HtmlRenderer.FORMAT_FLAGS, LineAppendable.F_TRIM_LEADING_WHITESPACE | LineAppendable.F_PASS_THROUGH);
        return options;
    }

    /**
     * The parser of bodies: callouts, footnotes, tables when {@code tables}; with {@code leadCharacterStarts} four block
     * parsers are asked only about lines they could start (see {@link LeadCharacterStarts}), which gives the same tree.
     */
    static Parser parser(boolean tables, boolean leadCharacterStarts) {
        return parser(flexmarkOptions(), tables, leadCharacterStarts);
    }

    private static HtmlRenderer htmlRenderer(MutableDataSet options) {
        return HtmlRenderer.builder(options)
                .extensions(List.of(FootnoteExtension.create(), TablesExtension.create()))
                .nodeRendererFactory(new CalloutNodeRenderer.Factory())
                .build();
    }

    private static Parser parser(MutableDataSet options, boolean tables, boolean leadCharacterStarts) {
        List<com.vladsch.flexmark.util.misc.Extension> extensions = new java.util.ArrayList<>();
        extensions.add(new CalloutBlockParser.Extension());
        if (leadCharacterStarts) {
            extensions.add(new LeadCharacterStarts());
            extensions.add(new LeadCharacterStarts.FootnoteParsing());
        } else {
            extensions.add(FootnoteExtension.create());
        }
        if (tables) {
            extensions.add(TablesExtension.create());
        }
        return Parser.builder(options).extensions(extensions).build();
    }

    /**
     * Flexmark's tree of a body. A table needs a '|' on its header and separator lines, so in a body without one
     * Flexmark's table pre-processor finds nothing; it is left out there, because setting it up compiles a pattern for
     * every document (about 1.5% of a large build). The tree is the same either way (MarkdownRendererTest).
     */
    private com.vladsch.flexmark.util.ast.Document parse(String body) {
        return (body.indexOf('|') < 0 ? flexmark().parserWithoutTables() : flexmark().parser()).parse(body);
    }

    /** For tests: Flexmark's HTML of a body (links resolved, callouts planned) parsed with the tables extension, or without it. */
    String flexmarkHtml(MarkdownSource source, boolean withTables) {
        com.vladsch.flexmark.util.ast.Document document = (withTables ? flexmark().parser() : flexmark().parserWithoutTables()).parse(source.body());
        LineIndex lines = new LineIndex(source.body(), source.bodyLine());
        List<Problem> problems = new ArrayList<>();
        resolveLinks(document, source, lines, problems);
        planCallouts(document, source, lines, problems);
        return flexmark().renderer().render(document);
    }

    /**
     * For tests: {@link CommonNodeHtml}'s HTML of a body prepared as {@link #flexmarkHtml} prepares it, or null where it
     * leaves the body to Flexmark's renderer.
     */
    String commonNodeHtml(MarkdownSource source) {
        com.vladsch.flexmark.util.ast.Document document = prepared(source);
        StringBuilder html = new StringBuilder();
        return CommonNodeHtml.write(document, source.body(), html, flexmark().listOptions()) ? html.toString() : null;
    }

    /** For tests: the list options a body's document has, parsed with the tables extension or without it, and the ones CommonNodeHtml is given. */
    ListOptions[] listOptions(String body, boolean withTables) {
        com.vladsch.flexmark.util.ast.Document document = (withTables ? flexmark().parser() : flexmark().parserWithoutTables()).parse(body);
        return new ListOptions[] {ListOptions.get(document), flexmark().listOptions()};
    }

    /** For tests: {@link CommonNodeHtml}'s finished page of a body prepared as {@link #flexmarkHtml} prepares it, or null. */
    FinishedHtml.Result commonNodeFinished(MarkdownSource source) {
        return CommonNodeHtml.finish(prepared(source), source.body(), words, flexmark().listOptions());
    }

    /**
     * For tests: the id of every heading (every anchor target) of a body as {@link CommonNodeHtml#headingIds} gives them,
     * or as Flexmark's HeaderIdGenerator does, in the document's order.
     */
    List<String> headingIds(MarkdownSource source, boolean flexmarks) {
        com.vladsch.flexmark.util.ast.Document document = prepared(source);
        if (flexmarks) {
            new com.vladsch.flexmark.html.renderer.HeaderIdGenerator(document).generateIds(document);
        } else {
            CommonNodeHtml.headingIds(document);
        }
        List<String> ids = new ArrayList<>();
        for (com.vladsch.flexmark.util.ast.Node node : document.getDescendants()) {
            if (node instanceof com.vladsch.flexmark.ast.AnchorRefTarget target) {
                ids.add(target.getAnchorRefId());
            }
        }
        return ids;
    }

    /** For tests: {@link FinishedHtml}'s finished page of Flexmark's HTML of a body, or null. */
    FinishedHtml.Result flexmarkFinished(MarkdownSource source) {
        return FinishedHtml.of(flexmarkHtml(source, true), words);
    }

    private com.vladsch.flexmark.util.ast.Document prepared(MarkdownSource source) {
        com.vladsch.flexmark.util.ast.Document document = parse(source.body());
        LineIndex lines = new LineIndex(source.body(), source.bodyLine());
        List<Problem> problems = new ArrayList<>();
        resolveLinks(document, source, lines, problems);
        planCallouts(document, source, lines, problems);
        return document;
    }

    /** What content HTML may hold; everything else is removed. */
    static Safelist contentSafelist() {
        return Safelist.relaxed()
                .addTags("section", "hr", "abbr", "mark", "s", "del", "ins", "kbd", "figure", "figcaption")
                .addAttributes(":all", "id", "class", "role", "aria-labelledby", "aria-label", "aria-hidden", "lang", "dir", "title")
                .addAttributes("section", "data-kind")
                .addAttributes("ol", "start")
                .addProtocols("a", "href", "tel")
                .preserveRelativeLinks(true);
    }

    /**
     * @param source the Markdown body and where it comes from
     */
    public RenderedMarkdown render(MarkdownSource source) {
        if (store != null) {
            RenderedMarkdown stored = store.find(source);
            RenderedMarkdown result = stored != null ? stored : renderFresh(source);
            store.keep(source, result);
            return result;
        }
        if (remembered == null) {
            return renderFresh(source);
        }
        usedSinceForget.add(source);
        RenderedMarkdown known = remembered.get(source);
        if (known != null) {
            return known;
        }
        RenderedMarkdown fresh = renderFresh(source);
        remembered.put(source, fresh);
        return fresh;
    }

    /** Drops remembered results not asked for since the last call (old versions of edited files). */
    public void forgetUnused() {
        if (remembered != null) {
            remembered.keySet().retainAll(java.util.Set.copyOf(usedSinceForget));
            usedSinceForget.clear();
        }
    }

    private RenderedMarkdown renderFresh(MarkdownSource source) {
        MarkdownLimits.Scan scan = MarkdownLimits.scan(source.body(), source.displayPath(), source.bodyLine());
        if (scan.problem() != null) {
            return unrendered(scan.problem());
        }
        try {
            return renderWithinBounds(source, true, scan);
        } catch (StackOverflowError e) {
            // The limits above should make this unreachable; if a new shape of input gets past them, it is still the file's fault.
            return unrendered(Problem.error(Code.NESTED_TOO_DEEP, source.displayPath(), source.bodyLine(), "this file is nested too deeply to publish",
                    "flatten its lists, quotes and emphasis"));
        }
    }

    private static RenderedMarkdown unrendered(Problem problem) {
        return new RenderedMarkdown("", List.of(), List.of(), List.of(), List.of(), List.of(problem), ReadingStats.NONE);
    }

    /**
     * The reference implementation, for tests: the sanitiser's path (parse the HTML, clean it, change the tree,
     * print it) taken for every body, also those the common path finishes in one pass.
     */
    RenderedMarkdown renderThroughSanitiser(MarkdownSource source) {
        return renderWithinBounds(source, false, null);
    }

    /** For tests: whether this body is finished in one pass rather than through the sanitiser. */
    boolean finishesInOnePass(MarkdownSource source) {
        com.vladsch.flexmark.util.ast.Document document = parse(source.body());
        LineIndex lines = new LineIndex(source.body(), source.bodyLine());
        List<Problem> problems = new ArrayList<>();
        resolveLinks(document, source, lines, problems);
        planCallouts(document, source, lines, problems);
        if (checkStructure(document, source, lines, problems, new ArrayList<>())) {
            return false;
        }
        return CommonNodeHtml.finish(document, source.body(), words, flexmark().listOptions()) != null || FinishedHtml.of(flexmark().renderer().render(document), words) != null;
    }

    /** @param scan the limits' scan of the body (its line starts and whether it holds a '|'), or null to find them here */
    private RenderedMarkdown renderWithinBounds(MarkdownSource source, boolean mayFinishInOnePass, MarkdownLimits.Scan scan) {
        List<Problem> problems = new ArrayList<>();
        com.vladsch.flexmark.util.ast.Document document = scan == null ? parse(source.body())
                : (scan.hasPipe() ? flexmark().parser() : flexmark().parserWithoutTables()).parse(source.body());
        LineIndex lines = scan == null ? new LineIndex(source.body(), source.bodyLine()) : new LineIndex(scan.lineStarts(), source.bodyLine());
        Optional<Problem> tooDeep = checkDepth(document, source, lines);
        if (tooDeep.isPresent()) {
            return unrendered(tooDeep.get());
        }
        List<ContentLink> links = resolveLinks(document, source, lines, problems);
        // Each care card's plain text, made once for its callout and looked at again by the structure check.
        Map<Node, String> cardTexts = new java.util.IdentityHashMap<>();
        List<Callout> callouts = planCallouts(document, source, lines, problems, cardTexts);
        List<com.vladsch.flexmark.ast.Heading> headingNodes = new ArrayList<>();
        boolean hasRawHtml = checkStructure(document, source, lines, problems, headingNodes, cardTexts);
        if (mayFinishInOnePass && !hasRawHtml) {
            // The common path: the finished page written in one walk of the tree (CommonNodeHtml), as FinishedHtml would
            // make it of Flexmark's HTML.
            FinishedHtml.Result finished = CommonNodeHtml.finish(document, source.body(), words, flexmark().listOptions());
            if (finished != null) {
                return finish(finished, headingNodes, lines, links, callouts, problems);
            }
        }
        // Into a builder about the size of the page (its HTML is about 1.1 times its Markdown): Flexmark's own starts at
        // 16 characters and is copied each time it doubles.
        StringBuilder rendered = new StringBuilder(source.body().length() + source.body().length() / 2 + 256);
        // Flexmark's HTML, written directly for the nodes guides use (CommonNodeHtml), by Flexmark's renderer otherwise.
        if (hasRawHtml || !CommonNodeHtml.write(document, source.body(), rendered, flexmark().listOptions())) {
            flexmark().renderer().render(document, rendered);
        }
        String rawHtml = rendered.toString();
        if (mayFinishInOnePass && !hasRawHtml) {
            FinishedHtml.Result finished = FinishedHtml.of(rawHtml, words);
            if (finished != null) {
                return finish(finished, headingNodes, lines, links, callouts, problems);
            }
        }

        Document dirty = Jsoup.parseBodyFragment(rawHtml, SANITISE_BASE + source.pagePath());
        // Most bodies hold no raw HTML and render to elements the safelist keeps unchanged: skip copying those.
        Document clean = KnownSafeHtml.covers(dirty.body()) ? dirty : new Cleaner(flexmark().safelist()).clean(dirty);
        clean.outputSettings().prettyPrint(false);
        List<Reference> references = extractReferences(clean);
        DoAndDontLists.mark(clean.body(), words);
        List<Heading> headings = anchorHeadings(clean, headingNodes, lines);
        return new RenderedMarkdown(clean.body().html(), List.copyOf(headings), List.copyOf(callouts),
                List.copyOf(references), List.copyOf(links), List.copyOf(problems), Prose.statsOf(clean.body()));
    }

    /**
     * The common path: Flexmark's HTML finished in one pass ({@link FinishedHtml}), references included. The same
     * result as the sanitiser's path below, without its round trip.
     */
    private RenderedMarkdown finish(FinishedHtml.Result finished, List<com.vladsch.flexmark.ast.Heading> headingNodes, LineIndex lines,
                                    List<ContentLink> links, List<Callout> callouts, List<Problem> problems) {
        Map<String, Integer> headingLines = headingLines(headingNodes, lines);
        List<Heading> headings = new ArrayList<>();
        for (FinishedHtml.AnchoredHeading heading : finished.headings()) {
            headings.add(new Heading(heading.level(), heading.id(), heading.text(), headingLines.getOrDefault(heading.id(), 0)));
        }
        return new RenderedMarkdown(finished.html(), List.copyOf(headings), List.copyOf(callouts),
                finished.references(), List.copyOf(links), List.copyOf(problems), finished.reading());
    }

    /**
     * Nesting the line-based limits cannot see (emphasis and links inside list items inside quotes), counted on
     * the tree without recursion before anything walks it recursively.
     */
    private static Optional<Problem> checkDepth(Node document, MarkdownSource source, LineIndex lines) {
        // Depth-first in document order, down to the first child, else on to the next sibling or an ancestor's.
        Node node = document.getFirstChild();
        int depth = 1;
        while (node != null) {
            if (depth > MAX_TREE_DEPTH) {
                return Optional.of(Problem.error(Code.NESTED_TOO_DEEP, source.displayPath(), lines.lineAt(node.getStartOffset()),
                        "this part is nested more than " + MAX_TREE_DEPTH + " levels deep (lists, quotes, emphasis and links inside each other)",
                        "flatten the lists and quotes and simplify the emphasis"));
            }
            if (node.getFirstChild() != null) {
                node = node.getFirstChild();
                depth++;
                continue;
            }
            while (node != null && node != document && node.getNext() == null) {
                node = node.getParent();
                depth--;
            }
            node = node == null || node == document ? null : node.getNext();
        }
        return Optional.empty();
    }

    /**
     * The node after this one in document order within {@code root} (depth first: its first child, else the next sibling
     * of it or of its nearest ancestor that has one), or null: the order of {@code root.getDescendants()}, walked without
     * Flexmark's iterator, which keeps a stack of child iterators and was a third of each of the walks below.
     */
    static Node nextInDocument(Node node, Node root) {
        Node child = node.getFirstChild();
        if (child != null) {
            return child;
        }
        while (node != root) {
            Node next = node.getNext();
            if (next != null) {
                return next;
            }
            node = node.getParent();
        }
        return null;
    }

    /** Rewrites links to Markdown files into links to the pages they become, and records every link. */
    private List<ContentLink> resolveLinks(Node document, MarkdownSource source, LineIndex lines, List<Problem> problems) {
        List<ContentLink> links = new ArrayList<>();
        for (Node node = document.getFirstChild(); node != null; node = nextInDocument(node, document)) {
            if (node instanceof Link link) {
                link.setUrl(BasedSequence.of(resolve(link.getUrl().toString(), false, where(link.getUrl(), node, lines), source, links, problems)));
            } else if (node instanceof Image image) {
                String written = image.getUrl().toString();
                image.setUrl(BasedSequence.of(resolve(written, true, where(image.getUrl(), node, lines), source, links, problems)));
                if (image.getText().isBlank()) {
                    problems.add(Problem.error(Code.IMAGE_WITHOUT_ALT, source.displayPath(), lines.lineAt(node.getStartOffset()), "image '" + written + "' has no alt text",
                            "describe the picture inside the brackets: ![what it shows](" + written + ")"));
                }
            } else if (node instanceof com.vladsch.flexmark.ast.Reference reference) {
                reference.setUrl(BasedSequence.of(resolve(reference.getUrl().toString(), false, where(reference.getUrl(), node, lines), source, links, problems)));
            } else if (node instanceof AutoLink autoLink) {
                resolve(autoLink.getUrl().toString(), false, where(autoLink.getUrl(), node, lines), source, links, problems);
            }
        }
        return links;
    }

    /** Where an address was written: its line and column, or the link's own start when the address is empty. */
    private record Place(int line, int column) {
    }

    private static Place where(BasedSequence address, Node node, LineIndex lines) {
        int offset = address.isNull() || address.isEmpty() ? node.getStartOffset() : address.getStartOffset();
        return new Place(lines.lineAt(offset), lines.columnAt(offset));
    }

    private String resolve(String written, boolean image, Place place, MarkdownSource source, List<ContentLink> links, List<Problem> problems) {
        int line = place.line();
        if (SCHEME.matcher(written).find() || written.startsWith("//")) {
            String scheme = written.startsWith("//") ? "" : written.substring(0, written.indexOf(':')).toLowerCase(Locale.ROOT);
            if (!List.of("http", "https", "mailto", "tel").contains(scheme)) {
                problems.add(Problem.warning(Code.UNSAFE_LINK_REMOVED, source.displayPath(), line, "unsafe link '" + shorten(written) + "' was removed",
                        "link only to http(s), mailto: or tel: addresses, or to another page of the guide").atColumn(place.column()));
            } else {
                links.add(new ContentLink(written, null, "", image, line, place.column()));
            }
            return written;
        }
        int hash = written.indexOf('#');
        String path = hash < 0 ? written : written.substring(0, hash);
        String fragment = hash < 0 ? "" : written.substring(hash + 1);
        if (path.isEmpty()) {
            links.add(new ContentLink(written, source.pagePath(), fragment, image, line, place.column()));
            return written;
        }
        String resolvedSource = UrlPath.resolve(source.sourceFolder(), path);
        if (resolvedSource == null) {
            problems.add(Problem.error(Code.LINK_OUTSIDE_SITE, source.displayPath(), line, "link '" + written + "' points outside the site",
                    "link to a file inside the content folder").atColumn(place.column()));
            return written;
        }
        String target = resolvedSource.endsWith(".md") ? UrlPath.pageOf(resolvedSource) : resolvedSource;
        links.add(new ContentLink(written, target, fragment, image, line, place.column()));
        String url = UrlPath.relative(source.pagePath(), target);
        return fragment.isEmpty() ? url : url + "#" + fragment;
    }

    private List<Callout> planCallouts(Node document, MarkdownSource source, LineIndex lines, List<Problem> problems) {
        return planCallouts(document, source, lines, problems, new java.util.IdentityHashMap<>());
    }

    /** @param cardTexts each care card's plain text, put here as it is made */
    private List<Callout> planCallouts(Node document, MarkdownSource source, LineIndex lines, List<Problem> problems, Map<Node, String> cardTexts) {
        CalloutPlan plan = new CalloutPlan();
        List<Callout> callouts = new ArrayList<>();
        int lastHeadingLevel = 1;
        int count = 0;
        for (Node node = document.getFirstChild(); node != null; node = nextInDocument(node, document)) {
            if (node instanceof com.vladsch.flexmark.ast.Heading heading) {
                lastHeadingLevel = heading.getLevel();
            } else if (node instanceof AdmonitionBlock block) {
                String kindName = block.getInfo().toString();
                WarningKind kind = kinds.get(kindName);
                if (kind == null) {
                    int at = block.getInfo().isNull() ? block.getStartOffset() : block.getInfo().getStartOffset();
                    problems.add(Problem.error(Code.UNKNOWN_CARE_CARD_KIND, source.displayPath(), lines.lineAt(at), "unknown care card kind '" + kindName + "'",
                            Suggestions.didYouMean(kindName, kinds.keySet())).atColumn(lines.columnAt(at)));
                    kind = new WarningKind(kindName, kindName, kindName);
                }
                String title = block.getTitle().toString().strip();
                String heading = title.isEmpty() ? kind.heading() : title;
                count++;
                plan.put(block, new CalloutPlan.Entry(kind.name(), kind.label(), heading,
                        Math.min(6, lastHeadingLevel + 1), "callout-" + count));
                List<String> items = new ArrayList<>();
                for (Node inner : block.getDescendants()) {
                    if (inner instanceof ListItem item && item.getParent().getParent() == block) {
                        items.add(plainText(item));
                    }
                }
                String text = plainText(block);
                cardTexts.put(block, text);
                callouts.add(new Callout(kind.name(), heading, heading + "\n" + text, List.copyOf(items), lines.lineAt(block.getStartOffset())));
            }
        }
        CalloutPlan.KEY.set(document.getDocument(), plan);
        return callouts;
    }

    /** @return whether the body holds raw HTML (blocks, inline tags, comments) */
    private boolean checkStructure(Node document, MarkdownSource source, LineIndex lines, List<Problem> problems,
                                   List<com.vladsch.flexmark.ast.Heading> headingNodes) {
        return checkStructure(document, source, lines, problems, headingNodes, Map.of());
    }

    /** @param cardTexts care cards' plain texts already made (planCallouts), looked up before they are made again */
    private boolean checkStructure(Node document, MarkdownSource source, LineIndex lines, List<Problem> problems,
                                   List<com.vladsch.flexmark.ast.Heading> headingNodes, Map<Node, String> cardTexts) {
        boolean rawHtml = false;
        int previousLevel = 1;
        Map<String, Integer> headingLines = new HashMap<>();
        java.util.Set<Node> sanitised = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Node node = document.getFirstChild(); node != null; node = nextInDocument(node, document)) {
            rawHtml |= node instanceof HtmlBlockBase || node instanceof HtmlInlineBase;
            // A node's line is looked up only where it is needed: for headings and problems, not for every node.
            if (node instanceof com.vladsch.flexmark.ast.Heading heading) {
                headingNodes.add(heading);
                int line = lines.lineAt(node.getStartOffset());
                String text = plainText(heading).strip();
                if (heading.getLevel() == 1) {
                    problems.add(Problem.error(Code.TOP_LEVEL_HEADING, source.displayPath(), line, "a '# " + text + "' heading is not allowed in the body",
                            "the title from the front matter is the page's only top-level heading; use '## " + text + "'"));
                } else if (heading.getLevel() > previousLevel + 1) {
                    problems.add(Problem.error(Code.HEADING_SKIPS_LEVEL, source.displayPath(), line,
                            "heading level skips from h" + previousLevel + " to h" + heading.getLevel(),
                            "use " + "#".repeat(previousLevel + 1) + " for this heading"));
                }
                previousLevel = heading.getLevel();
                // Compared as ids, not words: "Rest!" and "rest" would both want #rest.
                String key = idOf(text);
                Integer first = headingLines.putIfAbsent(key, line);
                if (first != null) {
                    problems.add(Problem.error(Code.DUPLICATE_HEADING, source.displayPath(), line, "heading '" + text + "' repeats the heading on line " + first,
                            "give each heading its own words so links to it are unambiguous"));
                }
            } else if (node instanceof AdmonitionBlock block && cardText(block, cardTexts).isBlank()) {
                problems.add(Problem.error(Code.EMPTY_CARE_CARD, source.displayPath(), lines.lineAt(node.getStartOffset()), "care card '!!! " + block.getInfo() + "' has no content",
                        "indent the lines of the care card by four spaces under the '!!!' line"));
            } else if (node instanceof AdmonitionBlock block) {
                checkBodyIndented(block, source, lines, problems);
            } else if (node instanceof Paragraph paragraph) {
                // A line that starts with !!! but did not open a care card would be published as plain text.
                for (BasedSequence contentLine : paragraph.getContentLines()) {
                    if (!CalloutOpenings.mayOpen(contentLine)) {
                        continue;
                    }
                    CalloutOpenings.diagnose(contentLine.toString(), kinds.keySet()).ifPresent(finding -> problems.add(Problem.error(Code.MALFORMED_CARE_CARD,
                            source.displayPath(), lines.lineAt(contentLine.getStartOffset()), finding.message(), finding.fix())));
                }
            } else if (node instanceof FencedCodeBlock fence && fence.getClosingMarker().isEmpty()) {
                problems.add(Problem.error(Code.UNCLOSED_CODE_BLOCK, source.displayPath(), lines.lineAt(node.getStartOffset()), "code block opened with " + fence.getOpeningMarker() + " is never closed",
                        "add a line " + fence.getOpeningMarker() + " where the code ends"));
            } else if (node instanceof Footnote footnote && footnote.getFootnoteBlock() == null) {
                problems.add(Problem.error(Code.REFERENCE_UNDEFINED, source.displayPath(), lines.lineAt(node.getStartOffset()), "reference [^" + footnote.getText() + "] has no definition",
                        "add a line '[^" + footnote.getText() + "]: what the source says' at the end of the file"));
            } else if (node instanceof FootnoteBlock block && !block.isReferenced()) {
                problems.add(Problem.warning(Code.REFERENCE_UNCITED, source.displayPath(), lines.lineAt(node.getStartOffset()), "reference [^" + block.getText() + "] is never cited",
                        "cite it in the text with [^" + block.getText() + "] or delete it"));
            } else if (node instanceof HtmlBlock || node instanceof HtmlInline) {
                // Inline tags are checked with the paragraph they sit in, so "<b onclick>" and "</b>" are one finding.
                Node unit = node instanceof HtmlInline ? node.getParent() : node;
                if (sanitised.add(unit) && !Jsoup.isValid(unit.getChars().toString(), flexmark().safelist())) {
                    problems.add(Problem.warning(Code.RAW_HTML_SANITISED, source.displayPath(), lines.lineAt(unit.getStartOffset()), "raw HTML '" + shorten(unit.getChars().toString().strip())
                            + "' was sanitised", "write it in Markdown; scripts, frames and event handlers are never published"));
                }
            }
        }
        return rawHtml;
    }

    private static String cardText(AdmonitionBlock block, Map<Node, String> cardTexts) {
        String text = cardTexts.get(block);
        return text != null ? text : plainText(block);
    }

    /**
     * A care card's body is indented by four spaces under its '!!!' line. Flexmark also takes a line right after the
     * opening without indent ("lazy continuation"), which hides where the card ends: that is an error here.
     */
    private static void checkBodyIndented(AdmonitionBlock block, MarkdownSource source, LineIndex lines, List<Problem> problems) {
        // The body is indented relative to where the '!!!' line's container starts (the '!!!' may itself be indented up to 3).
        BasedSequence marker = block.getOpeningMarker();
        int containerColumn = columnOf(marker);
        for (int at = marker.getStartOffset() - 1; at >= 0 && containerColumn > 0 && marker.getBaseSequence().charAt(at) == ' '; at--) {
            containerColumn--;
        }
        for (Node child = block.getFirstChild(); child != null; child = child.getNext()) {
            if (!child.getChars().isBlank() && columnOf(child.getChars()) < containerColumn + 4) {
                problems.add(Problem.error(Code.CARE_CARD_BODY_NOT_INDENTED, source.displayPath(), lines.lineAt(child.getStartOffset()),
                        "the body of care card '!!! " + block.getInfo() + "' is not indented",
                        "indent every line of the care card's body by four spaces under the '!!!' line"));
                return;
            }
        }
    }

    /** The column a text starts at on its line, a tab reaching the next multiple of four as in Markdown. */
    private static int columnOf(BasedSequence text) {
        int offset = text.getStartOffset();
        BasedSequence all = text.getBaseSequence();
        int lineStart = offset;
        while (lineStart > 0 && all.charAt(lineStart - 1) != '\n') {
            lineStart--;
        }
        int column = 0;
        for (int at = lineStart; at < offset; at++) {
            column = all.charAt(at) == '\t' ? (column / 4 + 1) * 4 : column + 1;
        }
        return column;
    }

    /** Moves Flexmark's footnotes out of the body into references the templates lay out. */
    private List<Reference> extractReferences(Document html) {
        List<Reference> references = new ArrayList<>();
        Element footnotes = html.selectFirst(Selectors.FOOTNOTES);
        if (footnotes == null) {
            return references;
        }
        int number = 0;
        for (Element item : footnotes.select(Selectors.FOOTNOTE_ITEMS)) {
            number++;
            Element backLink = item.selectFirst(Selectors.BACK_LINKS);
            String citationId = backLink == null ? "" : backLink.attr("href").substring(1);
            item.select(Selectors.BACK_LINKS).remove();
            linkSources(item);
            Element onlyParagraph = item.children().size() == 1 ? item.selectFirst("> p") : null;
            String body = (onlyParagraph != null ? onlyParagraph.html() : item.html()).strip();
            references.add(new Reference(number, item.id(), citationId, body));
        }
        footnotes.remove();
        for (Element citation : html.select(Selectors.CITATIONS)) {
            citation.prependElement("span").addClass("visually-hidden").text(words.citationPrefix() + " ");
        }
        return references;
    }

    /**
     * Makes the sources a reference names into links: a web address written as it is ("https://…") and a DOI
     * written "doi:10.1234/abc" (linked through https://doi.org/). Punctuation that ends the sentence is not
     * part of the address. Addresses already written as Markdown links stay as they are.
     */
    private static void linkSources(Element reference) {
        for (org.jsoup.nodes.TextNode text : new ArrayList<>(reference.textNodes())) {
            linkSources(text);
        }
        for (Element child : reference.children()) {
            if (!child.tagName().equals("a")) {
                linkSources(child);
            }
        }
    }

    private static void linkSources(org.jsoup.nodes.TextNode text) {
        java.util.regex.Matcher source = SOURCE.matcher(text.getWholeText());
        if (!source.find()) {
            return;
        }
        String written = source.group().replaceAll("[.,;:!?)\\]'\"]+$", "");
        String doi = source.group(1);
        String href = doi == null ? written : "https://doi.org/" + written.substring(written.indexOf("10."));
        org.jsoup.nodes.TextNode address = source.start() == 0 ? text : text.splitText(source.start());
        // jsoup will not split at the very end, so the text after the address is split off only when there is some.
        org.jsoup.nodes.TextNode after = written.length() < address.getWholeText().length() ? address.splitText(written.length()) : null;
        address.replaceWith(new Element("a").attr("href", href).text(written));
        if (after != null) {
            linkSources(after);
        }
    }

    /** Adds an anchor link to every content heading and returns the headings with their ids. */
    private List<Heading> anchorHeadings(Document html, List<com.vladsch.flexmark.ast.Heading> headingNodes, LineIndex lines) {
        Map<String, Integer> headingLines = headingLines(headingNodes, lines);
        List<Heading> headings = new ArrayList<>();
        for (Element element : html.select(Selectors.HEADINGS)) {
            if (element.hasClass("callout__heading")) {
                continue;
            }
            String text = element.text();
            element.appendElement("a").addClass("heading-anchor").attr("href", "#" + element.id())
                    .attr("aria-label", words.headingLink().replace("{heading}", text))
                    .appendElement("span").attr("aria-hidden", "true").text("#");
            headings.add(new Heading(element.tagName().charAt(1) - '0', element.id(), text, headingLines.getOrDefault(element.id(), 0)));
        }
        return headings;
    }

    /**
     * The line of the first heading for each anchor id (which Flexmark gives the headings as it renders them).
     *
     * @param headingNodes every heading of the document, in order (as {@link #checkStructure} found them)
     */
    private static Map<String, Integer> headingLines(List<com.vladsch.flexmark.ast.Heading> headingNodes, LineIndex lines) {
        Map<String, Integer> headingLines = new HashMap<>();
        for (com.vladsch.flexmark.ast.Heading heading : headingNodes) {
            headingLines.putIfAbsent(heading.getAnchorRefId(), lines.lineAt(heading.getStartOffset()));
        }
        return headingLines;
    }

    /**
     * The heading's words in lower case joined by '-': each run of characters that are not letters or numbers
     * ({@code [^\\p{L}\\p{N}]+}) becomes one '-', none at either end. A scan, not regular expressions: every
     * heading of every page goes through here.
     */
    static String idOf(String headingText) {
        // Nearly every heading is ASCII: lower-cased and joined a character at a time, without a lower-case copy first or
        // a code point at a time (C1 compiles neither to much; 47,000 headings at 10,000 pages).
        int length = headingText.length();
        StringBuilder ascii = new StringBuilder(length);
        boolean between = false;
        for (int i = 0; i < length; i++) {
            char c = headingText.charAt(i);
            if (c >= 128) {
                return idOfAny(headingText);
            }
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z')) {
                if (between && ascii.length() > 0) {
                    ascii.append('-');
                }
                between = false;
                ascii.append(c <= 'Z' && c >= 'A' ? (char) (c | 0x20) : c);
            } else {
                between = true;
            }
        }
        return ascii.toString();
    }

    /** {@link #idOf} for any text. */
    private static String idOfAny(String headingText) {
        String lower = headingText.toLowerCase(Locale.ROOT);
        StringBuilder id = new StringBuilder(lower.length());
        boolean gap = false;
        for (int i = 0; i < lower.length(); ) {
            int c = lower.codePointAt(i);
            i += Character.charCount(c);
            if (isLetterOrNumber(c)) {
                if (gap && id.length() > 0) {
                    id.append('-');
                }
                gap = false;
                id.appendCodePoint(c);
            } else {
                gap = true;
            }
        }
        return id.toString();
    }

    /** {@code \\p{L}} or {@code \\p{N}}: any letter, and any number (digits, Roman numerals, fractions). */
    private static boolean isLetterOrNumber(int c) {
        if (c < 128) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        }
        if (Character.isLetter(c)) {
            return true;
        }
        int type = Character.getType(c);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
    }

    /** The text of a node as Flexmark collects it (its text collector; for a heading of plain words, that text as it is). */
    static String plainText(Node node) {
        Node only = node.getFirstChild();
        if (node instanceof com.vladsch.flexmark.ast.Heading && only != null && only == node.getLastChild()
                && only.getClass() == com.vladsch.flexmark.ast.Text.class) {
            // Most headings: one piece of text, which the collector returns as it is unless it holds escapes or entities.
            String text = only.getChars().toString();
            if (text.indexOf('\\') < 0 && text.indexOf('&') < 0) {
                return text;
            }
        }
        return new TextCollectingVisitor().collectAndGetText(node);
    }

    private static String shorten(String text) {
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() > 40 ? oneLine.substring(0, 37) + "..." : oneLine;
    }
}
