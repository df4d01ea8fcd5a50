package org.healthguides.markdown;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.healthguides.content.UrlPath;
import org.healthguides.content.WarningKind;
import org.healthguides.diagnostics.Problem;
import org.healthguides.diagnostics.Suggestions;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.util.TextCollectingVisitor;
import com.vladsch.flexmark.ext.admonition.AdmonitionBlock;
import com.vladsch.flexmark.ext.admonition.AdmonitionExtension;
import com.vladsch.flexmark.ext.footnotes.Footnote;
import com.vladsch.flexmark.ext.footnotes.FootnoteBlock;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataKey;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/**
 * Turns a Markdown body into safe HTML plus what the site needs to know about it (headings, callouts,
 * references, links), and reports what is wrong with it at the line the editor wrote.
 * One instance is shared by all pages and threads: Flexmark's parser and renderer are immutable.
 */
public final class MarkdownRenderer {
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");
    private static final String SANITISE_BASE = "https://site.invalid/";
    // Selectors parsed once: parsing a CSS query for every page showed in the build's profile.
    private static final Evaluator FOOTNOTES = QueryParser.parse("div.footnotes");
    private static final Evaluator FOOTNOTE_ITEMS = QueryParser.parse("ol > li[id]");
    private static final Evaluator BACK_LINKS = QueryParser.parse("a.footnote-backref");
    private static final Evaluator CITATIONS = QueryParser.parse("a.footnote-ref");
    private static final Evaluator HEADINGS = QueryParser.parse("h1[id], h2[id], h3[id], h4[id], h5[id], h6[id]");

    private final Map<String, WarningKind> kinds;
    private final Parser parser;
    private final HtmlRenderer renderer;
    private final Safelist safelist;

    public MarkdownRenderer(Map<String, WarningKind> kinds) {
        this.kinds = Map.copyOf(kinds);
        MutableDataSet options = new MutableDataSet();
        options.set(HtmlRenderer.GENERATE_HEADER_ID, true);
        options.set(HtmlRenderer.RENDER_HEADER_ID, true);
        options.set(HtmlRenderer.HEADER_ID_GENERATOR_NO_DUPED_DASHES, true);
        options.set(HtmlRenderer.FENCED_CODE_LANGUAGE_CLASS_PREFIX, "language-");
        options.set(TablesExtension.CLASS_NAME, "table");
        // Keeps each document's line starts, so a node's line number is a binary search instead of a scan of the
        // text before it (which made the per-node line lookups quadratic in the length of a page).
        options.set(Parser.TRACK_DOCUMENT_LINES, true);
        // The admonition extension computes its defaults (maps read from resources) on every look-up that finds
        // no value, which is once per document; storing them here computes them once.
        for (DataKey<?> key : List.of(AdmonitionExtension.CONTENT_INDENT, AdmonitionExtension.ALLOW_LEADING_SPACE,
                AdmonitionExtension.INTERRUPTS_PARAGRAPH, AdmonitionExtension.INTERRUPTS_ITEM_PARAGRAPH,
                AdmonitionExtension.WITH_SPACES_INTERRUPTS_ITEM_PARAGRAPH, AdmonitionExtension.ALLOW_LAZY_CONTINUATION,
                AdmonitionExtension.UNRESOLVED_QUALIFIER, AdmonitionExtension.QUALIFIER_TYPE_MAP,
                AdmonitionExtension.QUALIFIER_TITLE_MAP, AdmonitionExtension.TYPE_SVG_MAP)) {
            storeDefault(options, key);
        }
        this.parser = Parser.builder(options)
                .extensions(List.of(AdmonitionExtension.create(), FootnoteExtension.create(), TablesExtension.create()))
                .build();
        this.renderer = HtmlRenderer.builder(options)
                .extensions(List.of(FootnoteExtension.create(), TablesExtension.create()))
                .nodeRendererFactory(new CalloutNodeRenderer.Factory())
                .build();
        this.safelist = Safelist.relaxed()
                .addTags("section", "hr", "abbr", "mark", "s", "del", "ins", "kbd", "figure", "figcaption")
                .addAttributes(":all", "id", "class", "role", "aria-labelledby", "aria-label", "aria-hidden", "lang", "dir", "title")
                .addAttributes("section", "data-kind")
                .addAttributes("ol", "start")
                .addProtocols("a", "href", "tel")
                .preserveRelativeLinks(true);
    }

    private static <T> void storeDefault(MutableDataSet options, DataKey<T> key) {
        options.set(key, key.get(options));
    }

    /**
     * @param source the Markdown body and where it comes from
     */
    public RenderedMarkdown render(MarkdownSource source) {
        List<Problem> problems = new ArrayList<>();
        com.vladsch.flexmark.util.ast.Document document = parser.parse(source.body());
        List<ContentLink> links = resolveLinks(document, source, problems);
        List<Callout> callouts = planCallouts(document, source, problems);
        checkStructure(document, source, problems);
        String rawHtml = renderer.render(document);

        Document dirty = Jsoup.parseBodyFragment(rawHtml, SANITISE_BASE + source.pagePath());
        Document clean = new Cleaner(safelist).clean(dirty);
        clean.outputSettings().prettyPrint(false);
        List<Reference> references = extractReferences(clean);
        List<Heading> headings = anchorHeadings(clean, document, source);
        return new RenderedMarkdown(clean.body().html(), List.copyOf(headings), List.copyOf(callouts),
                List.copyOf(references), List.copyOf(links), List.copyOf(problems));
    }

    private int lineOf(Node node, MarkdownSource source) {
        return source.bodyLine() + node.getLineNumber();
    }

    /** Rewrites links to Markdown files into links to the pages they become, and records every link. */
    private List<ContentLink> resolveLinks(Node document, MarkdownSource source, List<Problem> problems) {
        List<ContentLink> links = new ArrayList<>();
        for (Node node : document.getDescendants()) {
            if (node instanceof Link link) {
                link.setUrl(BasedSequence.of(resolve(link.getUrl().toString(), false, lineOf(node, source), source, links, problems)));
            } else if (node instanceof Image image) {
                String written = image.getUrl().toString();
                image.setUrl(BasedSequence.of(resolve(written, true, lineOf(node, source), source, links, problems)));
                if (image.getText().isBlank()) {
                    problems.add(Problem.error(source.displayPath(), lineOf(node, source), "image '" + written + "' has no alt text",
                            "describe the picture inside the brackets: ![what it shows](" + written + ")"));
                }
            } else if (node instanceof com.vladsch.flexmark.ast.Reference reference) {
                reference.setUrl(BasedSequence.of(resolve(reference.getUrl().toString(), false, lineOf(node, source), source, links, problems)));
            } else if (node instanceof AutoLink autoLink) {
                resolve(autoLink.getUrl().toString(), false, lineOf(node, source), source, links, problems);
            }
        }
        return links;
    }

    private String resolve(String written, boolean image, int line, MarkdownSource source, List<ContentLink> links, List<Problem> problems) {
        if (SCHEME.matcher(written).find() || written.startsWith("//")) {
            String scheme = written.startsWith("//") ? "" : written.substring(0, written.indexOf(':')).toLowerCase(Locale.ROOT);
            if (!List.of("http", "https", "mailto", "tel").contains(scheme)) {
                problems.add(Problem.warning(source.displayPath(), line, "unsafe link '" + shorten(written) + "' was removed",
                        "link only to http(s), mailto: or tel: addresses, or to another page of the guide"));
            } else {
                links.add(new ContentLink(written, null, "", image, line));
            }
            return written;
        }
        int hash = written.indexOf('#');
        String path = hash < 0 ? written : written.substring(0, hash);
        String fragment = hash < 0 ? "" : written.substring(hash + 1);
        if (path.isEmpty()) {
            links.add(new ContentLink(written, source.pagePath(), fragment, image, line));
            return written;
        }
        String resolvedSource = UrlPath.resolve(source.sourceFolder(), path);
        if (resolvedSource == null) {
            problems.add(Problem.error(source.displayPath(), line, "link '" + written + "' points outside the site",
                    "link to a file inside the content folder"));
            return written;
        }
        String target = resolvedSource.endsWith(".md") ? UrlPath.pageOf(resolvedSource) : resolvedSource;
        links.add(new ContentLink(written, target, fragment, image, line));
        String url = UrlPath.relative(source.pagePath(), target);
        return fragment.isEmpty() ? url : url + "#" + fragment;
    }

    private List<Callout> planCallouts(Node document, MarkdownSource source, List<Problem> problems) {
        CalloutPlan plan = new CalloutPlan();
        List<Callout> callouts = new ArrayList<>();
        int lastHeadingLevel = 1;
        int count = 0;
        for (Node node : document.getDescendants()) {
            if (node instanceof com.vladsch.flexmark.ast.Heading heading) {
                lastHeadingLevel = heading.getLevel();
            } else if (node instanceof AdmonitionBlock block) {
                String kindName = block.getInfo().toString();
                WarningKind kind = kinds.get(kindName);
                if (kind == null) {
                    problems.add(Problem.error(source.displayPath(), lineOf(block, source), "unknown warning kind '" + kindName + "'",
                            Suggestions.didYouMean(kindName, kinds.keySet())));
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
                callouts.add(new Callout(kind.name(), heading, heading + "\n" + plainText(block), List.copyOf(items), lineOf(block, source)));
            }
        }
        CalloutPlan.KEY.set(document.getDocument(), plan);
        return callouts;
    }

    private void checkStructure(Node document, MarkdownSource source, List<Problem> problems) {
        int previousLevel = 1;
        Map<String, Integer> headingLines = new HashMap<>();
        java.util.Set<Node> sanitised = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Node node : document.getDescendants()) {
            int line = lineOf(node, source);
            if (node instanceof com.vladsch.flexmark.ast.Heading heading) {
                String text = plainText(heading).strip();
                if (heading.getLevel() == 1) {
                    problems.add(Problem.error(source.displayPath(), line, "a '# " + text + "' heading is not allowed in the body",
                            "the title from the front matter is the page's only top-level heading; use '## " + text + "'"));
                } else if (heading.getLevel() > previousLevel + 1) {
                    problems.add(Problem.error(source.displayPath(), line,
                            "heading level skips from h" + previousLevel + " to h" + heading.getLevel(),
                            "use " + "#".repeat(previousLevel + 1) + " for this heading"));
                }
                previousLevel = heading.getLevel();
                String key = text.toLowerCase(Locale.ROOT);
                Integer first = headingLines.putIfAbsent(key, line);
                if (first != null) {
                    problems.add(Problem.error(source.displayPath(), line, "heading '" + text + "' repeats the heading on line " + first,
                            "give each heading its own words so links to it are unambiguous"));
                }
            } else if (node instanceof FencedCodeBlock fence && fence.getClosingMarker().isEmpty()) {
                problems.add(Problem.error(source.displayPath(), line, "code block opened with " + fence.getOpeningMarker() + " is never closed",
                        "add a line " + fence.getOpeningMarker() + " where the code ends"));
            } else if (node instanceof Footnote footnote && footnote.getFootnoteBlock() == null) {
                problems.add(Problem.error(source.displayPath(), line, "reference [^" + footnote.getText() + "] has no definition",
                        "add a line '[^" + footnote.getText() + "]: what the source says' at the end of the file"));
            } else if (node instanceof FootnoteBlock block && !block.isReferenced()) {
                problems.add(Problem.warning(source.displayPath(), line, "reference [^" + block.getText() + "] is never cited",
                        "cite it in the text with [^" + block.getText() + "] or delete it"));
            } else if (node instanceof HtmlBlock || node instanceof HtmlInline) {
                // Inline tags are checked with the paragraph they sit in, so "<b onclick>" and "</b>" are one finding.
                Node unit = node instanceof HtmlInline ? node.getParent() : node;
                if (sanitised.add(unit) && !Jsoup.isValid(unit.getChars().toString(), safelist)) {
                    problems.add(Problem.warning(source.displayPath(), lineOf(unit, source), "raw HTML '" + shorten(unit.getChars().toString().strip())
                            + "' was sanitised", "write it in Markdown; scripts, frames and event handlers are never published"));
                }
            }
        }
    }

    /** Moves Flexmark's footnotes out of the body into references the templates lay out. */
    private static List<Reference> extractReferences(Document html) {
        List<Reference> references = new ArrayList<>();
        Element footnotes = html.selectFirst(FOOTNOTES);
        if (footnotes == null) {
            return references;
        }
        int number = 0;
        for (Element item : footnotes.select(FOOTNOTE_ITEMS)) {
            number++;
            Element backLink = item.selectFirst(BACK_LINKS);
            String citationId = backLink == null ? "" : backLink.attr("href").substring(1);
            item.select(BACK_LINKS).remove();
            Element onlyParagraph = item.children().size() == 1 ? item.selectFirst("> p") : null;
            String body = (onlyParagraph != null ? onlyParagraph.html() : item.html()).strip();
            references.add(new Reference(number, item.id(), citationId, body));
        }
        footnotes.remove();
        for (Element citation : html.select(CITATIONS)) {
            citation.prependElement("span").addClass("visually-hidden").text("reference ");
        }
        return references;
    }

    /** Adds an anchor link to every content heading and returns the headings with their ids. */
    private List<Heading> anchorHeadings(Document html, Node document, MarkdownSource source) {
        Map<String, Integer> lines = new LinkedHashMap<>();
        for (Node node : document.getDescendants()) {
            if (node instanceof com.vladsch.flexmark.ast.Heading heading) {
                lines.putIfAbsent(heading.getAnchorRefId(), lineOf(node, source));
            }
        }
        List<Heading> headings = new ArrayList<>();
        for (Element element : html.select(HEADINGS)) {
            if (element.hasClass("callout__heading")) {
                continue;
            }
            String text = element.text();
            element.appendElement("a").addClass("heading-anchor").attr("href", "#" + element.id())
                    .attr("aria-label", "Link to this part: " + text)
                    .appendElement("span").attr("aria-hidden", "true").text("#");
            headings.add(new Heading(element.tagName().charAt(1) - '0', element.id(), text, lines.getOrDefault(element.id(), 0)));
        }
        return headings;
    }

    private static String plainText(Node node) {
        return new TextCollectingVisitor().collectAndGetText(node);
    }

    private static String shorten(String text) {
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() > 40 ? oneLine.substring(0, 37) + "..." : oneLine;
    }
}
