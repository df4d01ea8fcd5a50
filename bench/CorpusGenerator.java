import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Writes the benchmark corpus three times, as the same pages: once as content for this project's generator
 * (site.yaml, one folder per guide with index.md and five sections, each guide with its content contract);
 * once as the "furnished" Hugo site (title, section navigation, table of contents, content, previous/next, a
 * whole-guide page; callouts as a shortcode calling RenderString); and once as the "plain" Hugo site: the same
 * text and layout without the whole-guide page, callouts as plain blockquotes, no shortcodes. The furnished
 * site matches what our generator publishes; the plain one is the cheapest layout Hugo users commonly write,
 * so both ratios are printed. The text is made from a fixed word list with a fixed seed, so the same N always
 * gives the same bytes.
 *
 * <p>Run: {@code java bench/CorpusGenerator.java N OUT_DIR} (N section pages; N/5 guides). It makes
 * OUT_DIR/ours/content, OUT_DIR/hugo and OUT_DIR/hugo-plain (Hugo site folders), replacing what was there.
 */
public final class CorpusGenerator {
    static final String[] SECTIONS = {"overview", "causes", "prevention", "treatment", "recovery"};
    static final String[] SECTION_TITLES = {"Overview", "What causes it", "How to prevent it", "How it is treated", "Recovery and when to get help"};
    static final String[] TOPICS = {"knee pain when running", "shoulder strain when swimming", "wrist pain when typing",
            "neck pain when cycling", "hip pain when walking", "ankle sprains when hiking", "elbow pain when climbing",
            "lower back pain when rowing", "heel pain when dancing", "shin splints when jogging"};
    static final String[] WORDS = ("muscle joint rest stretch warm cool gentle steady pain ache swelling bruise strength "
            + "balance posture breathing core spine hip knee ankle shoulder elbow wrist neck back exercise movement "
            + "recovery sleep water food energy body mind habit routine week day morning evening session training "
            + "coach doctor nurse physiotherapist advice sign symptom change slowly carefully often rarely always never "
            + "light heavy small large short long easy hard safe careful normal common usual simple clear weight load "
            + "form technique grip stance step walk run lift carry push pull bend twist reach hold press support "
            + "brace ice heat towel cloth pack cushion chair floor mat shoe sock bag bottle timer plan goal progress "
            + "people adults children older younger most many some few every each other your their this that these "
            + "feel notice check try keep stop start build improve reduce protect avoid prevent help treat manage "
            + "gradually regularly properly firmly softly quickly calmly fully partly mostly").split(" ");

    private final Random random;

    private CorpusGenerator(long seed) {
        this.random = new Random(seed);
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: java bench/CorpusGenerator.java N OUT_DIR   (N section pages, a multiple of 5)");
            System.exit(2);
        }
        int pages = Integer.parseInt(args[0]);
        Path out = Path.of(args[1]);
        int guides = Math.max(1, pages / SECTIONS.length);
        deleteTree(out.resolve("ours"));
        deleteTree(out.resolve("hugo"));
        deleteTree(out.resolve("hugo-plain"));
        Path ours = out.resolve("ours/content");
        Path hugo = out.resolve("hugo");
        Path plain = out.resolve("hugo-plain");
        Files.createDirectories(ours);
        writeOurSettings(ours);
        writeHugoSite(hugo, true);
        writeHugoSite(plain, false);
        for (int g = 1; g <= guides; g++) {
            writeGuide(g, ours, hugo, plain);
        }
        System.out.println("corpus: " + guides + " guides x " + SECTIONS.length + " sections = " + guides * SECTIONS.length
                + " section pages in " + out);
    }

    static void writeGuide(int g, Path ours, Path hugo, Path plain) throws IOException {
        String slug = String.format("guide-%05d", g);
        String topic = TOPICS[g % TOPICS.length];
        String title = "How to avoid " + topic + " (guide " + g + ")";
        String reviewed = "2026-11-24";
        Path ourGuide = Files.createDirectories(ours.resolve(slug));
        Path hugoGuide = Files.createDirectories(hugo.resolve("content").resolve(slug));
        Path plainGuide = Files.createDirectories(plain.resolve("content").resolve(slug));

        CorpusGenerator text = new CorpusGenerator(g * 7919L);
        String intro = text.paragraph(60) + "\n\n" + text.paragraph(50);
        StringBuilder ourIndex = new StringBuilder("---\ntitle: " + title + "\ndescription: " + text.sentence() + "\n"
                + "reviewed: " + reviewed + "\nnext_review: 2027-11-24\nrequired_sections: [" + String.join(", ", SECTIONS) + "]\n"
                + "required_warnings:\n  - name: do not train through pain\n    kind: caution\n    section: recovery\n"
                + "    mentions: [\"train through pain\"]\n---\n\n" + intro + "\n\n## What this guide covers\n\n");
        StringBuilder hugoIndex = new StringBuilder("---\ntitle: \"" + title + "\"\n---\n\n" + intro + "\n\n## What this guide covers\n\n");
        for (int s = 0; s < SECTIONS.length; s++) {
            ourIndex.append("- [").append(SECTION_TITLES[s]).append("](").append(SECTIONS[s]).append(".md)\n");
            hugoIndex.append("- [").append(SECTION_TITLES[s]).append("](").append(SECTIONS[s]).append("/)\n");
        }
        write(ourGuide.resolve("index.md"), ourIndex.toString());
        write(hugoGuide.resolve("_index.md"), hugoIndex.toString());
        write(plainGuide.resolve("_index.md"), hugoIndex.toString());
        write(hugoGuide.resolve("whole-guide.md"), "---\ntitle: \"" + title + "\"\nlayout: whole\n_build:\n  list: never\n---\n");

        for (int s = 0; s < SECTIONS.length; s++) {
            CorpusGenerator words = new CorpusGenerator(g * 7919L + s * 104729L + 1);
            Section section = words.section(s, g);
            String description = words.sentence();
            write(ourGuide.resolve(SECTIONS[s] + ".md"), "---\ntitle: " + SECTION_TITLES[s] + "\norder: " + (s + 1)
                    + "\ndescription: " + description + "\n---\n\n" + section.ours());
            String hugoFrontMatter = "---\ntitle: \"" + SECTION_TITLES[s] + "\"\nweight: " + (s + 1)
                    + "\ndescription: \"" + description + "\"\n---\n\n";
            write(hugoGuide.resolve(SECTIONS[s] + ".md"), hugoFrontMatter + section.hugo());
            write(plainGuide.resolve(SECTIONS[s] + ".md"), hugoFrontMatter + section.plain());
        }
    }

    /** One section in three dialects; the text is identical, only callouts and internal links are spelt differently. */
    record Section(String ours, String hugo, String plain) {
    }

    Section section(int index, int guide) {
        String next = SECTIONS[(index + 1) % SECTIONS.length];
        String nextHeading = headingId(0, (index + 1) % SECTIONS.length);
        List<String[]> blocks = new ArrayList<>(); // {ours, hugo, hugo plain}
        blocks.add(same(paragraph(60) + "[^source]"));
        blocks.add(same(paragraph(50)));
        for (int part = 0; part < 3; part++) {
            blocks.add(same("## " + headingText(part, index)));
            blocks.add(same(paragraph(45)));
            blocks.add(same("### " + headingText(part, index) + " at home"));
            blocks.add(same(paragraph(45)));
            blocks.add(same(part % 2 == 0 ? list("- ", 5) : list("1. ", 5)));
            blocks.add(same("### " + headingText(part, index) + " at the gym"));
            blocks.add(same(paragraph(45)));
            if (part == 1) {
                String body = "Do not train through pain. " + sentence() + " " + sentence();
                blocks.add(new String[] {
                        "!!! caution \"Do not train through pain\"\n    " + body,
                        "{{< callout caution \"Do not train through pain\" >}}\n" + body + "\n{{< /callout >}}",
                        "> **Do not train through pain**\n>\n> " + body});
            }
        }
        String hugoReadOn = "Read on: [" + SECTION_TITLES[(index + 1) % SECTIONS.length] + "](../" + next + "/#" + nextHeading + ") or [the guide's start](../).";
        blocks.add(new String[] {
                "Read on: [" + SECTION_TITLES[(index + 1) % SECTIONS.length] + "](" + next + ".md#" + nextHeading + ") or [the guide's start](index.md).",
                hugoReadOn, hugoReadOn});
        blocks.add(same("[^source]: " + sentence() + " Source " + guide + "." + (index + 1) + "."));
        StringBuilder ours = new StringBuilder();
        StringBuilder hugo = new StringBuilder();
        StringBuilder plain = new StringBuilder();
        for (String[] block : blocks) {
            ours.append(block[0]).append("\n\n");
            hugo.append(block[1]).append("\n\n");
            plain.append(block[2]).append("\n\n");
        }
        return new Section(ours.toString(), hugo.toString(), plain.toString());
    }

    static String headingText(int part, int section) {
        String[] names = {"Know the early signs", "Build strength steadily", "Plan your rest days"};
        return names[part] + " in part " + (section + 1);
    }

    static String headingId(int part, int section) {
        return headingText(part, section).toLowerCase().replace(' ', '-');
    }

    private static String[] same(String text) {
        return new String[] {text, text, text};
    }

    String list(String marker, int items) {
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < items; i++) {
            list.append(marker).append(phrase(6 + random.nextInt(6))).append('\n');
        }
        return list.toString().stripTrailing();
    }

    String paragraph(int words) {
        StringBuilder paragraph = new StringBuilder();
        int written = 0;
        while (written < words) {
            int length = 8 + random.nextInt(9);
            if (paragraph.length() > 0) {
                paragraph.append(' ');
            }
            String s = phrase(length);
            paragraph.append(Character.toUpperCase(s.charAt(0))).append(s, 1, s.length()).append('.');
            written += length;
        }
        return paragraph.toString();
    }

    String sentence() {
        String s = phrase(8 + random.nextInt(6));
        return Character.toUpperCase(s.charAt(0)) + s.substring(1) + ".";
    }

    String phrase(int words) {
        StringBuilder phrase = new StringBuilder();
        for (int i = 0; i < words; i++) {
            if (i > 0) {
                phrase.append(' ');
            }
            phrase.append(WORDS[random.nextInt(WORDS.length)]);
        }
        return phrase.toString();
    }

    static void writeOurSettings(Path content) throws IOException {
        write(content.resolve("site.yaml"), """
                title: Benchmark Guides
                language: en-GB
                base_url: /
                description: A generated corpus for measuring build speed.
                disclaimer: Generated text for benchmarks; not advice.
                warning_kinds:
                  emergency:   { label: "Immediate action required", heading: "Call your local emergency number if:" }
                  urgent:      { label: "Urgent advice", heading: "See a doctor straight away if:" }
                  non-urgent:  { label: "Non-urgent advice", heading: "See a physiotherapist or GP if:" }
                  caution:     { label: "Important", heading: "Important" }
                  information: { label: "Information", heading: "Good to know" }
                """);
    }

    /**
     * A minimal Hugo site with the same page furniture as ours: breadcrumbs, contents, TOC, previous/next, footer.
     * Furnished: also a whole-guide page and the callout shortcode; plain: neither (callouts are blockquotes).
     */
    static void writeHugoSite(Path site, boolean furnished) throws IOException {
        String wholeGuideLink = furnished ? "<p><a href=\"{{ .CurrentSection.RelPermalink }}whole-guide/\">Whole guide on one page</a></p>" : "";
        String wholeGuideListLink = furnished ? "<p><a href=\"{{ .RelPermalink }}whole-guide/\">Whole guide on one page</a></p>" : "";
        write(site.resolve("config.toml"), """
                baseURL = "/"
                languageCode = "en-gb"
                title = "Benchmark Guides"
                disableKinds = ["taxonomy", "term", "RSS"]
                [markup.tableOfContents]
                  startLevel = 2
                  endLevel = 3
                """);
        Path layouts = site.resolve("layouts");
        write(layouts.resolve("_default/baseof.html"), """
                <!doctype html>
                <html lang="en-GB">
                <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>{{ .Title }} – {{ .Site.Title }}</title>
                {{ with .Description }}<meta name="description" content="{{ . }}">{{ end }}
                <link rel="stylesheet" href="{{ "style.css" | relURL }}"></head>
                <body><a class="skip-link" href="#main-content">Skip to main content</a>
                <header class="site-header"><a href="{{ "/" | relURL }}">{{ .Site.Title }}</a></header>
                <main id="main-content">{{ block "main" . }}{{ end }}</main>
                <footer><p class="disclaimer">Generated text for benchmarks; not advice.</p></footer>
                </body></html>
                """);
        write(layouts.resolve("partials/guide-nav.html"), """
                {{ $current := . }}
                <nav class="guide-contents" aria-label="Contents of this guide"><h2>Contents</h2><ol>
                {{ range .CurrentSection.RegularPages }}
                <li>{{ if eq . $current }}<span aria-current="page">{{ .Title }}</span>{{ else }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</li>
                {{ end }}
                </ol>%s</nav>
                """.formatted(wholeGuideLink));
        write(layouts.resolve("_default/single.html"), """
                {{ define "main" }}
                <nav class="breadcrumb"><ol><li><a href="{{ "/" | relURL }}">Home</a></li><li><a href="{{ .CurrentSection.RelPermalink }}">{{ .CurrentSection.Title }}</a></li></ol></nav>
                <h1>{{ .Title }}</h1>
                <nav class="on-this-page"><h2>On this page</h2>{{ .TableOfContents }}</nav>
                <div class="content">{{ .Content }}</div>
                <nav class="pagination">
                {{ with .NextInSection }}<a rel="prev" href="{{ .RelPermalink }}">Previous {{ .Title }}</a>{{ end }}
                {{ with .PrevInSection }}<a rel="next" href="{{ .RelPermalink }}">Next {{ .Title }}</a>{{ end }}
                </nav>
                {{ partial "guide-nav.html" . }}
                {{ end }}
                """);
        write(layouts.resolve("_default/list.html"), """
                {{ define "main" }}
                <h1>{{ .Title }}</h1>
                <div class="content">{{ .Content }}</div>
                <nav class="guide-contents"><h2>Contents</h2><ol>
                {{ range .RegularPages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a><p>{{ .Description }}</p></li>{{ end }}
                </ol>%s</nav>
                {{ end }}
                """.formatted(wholeGuideListLink));
        if (furnished) {
            writeFurnishings(layouts);
        }
        write(layouts.resolve("index.html"), """
                {{ define "main" }}
                <h1>{{ .Site.Title }}</h1>
                <ul>{{ range .Site.Sections }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>
                {{ end }}
                """);
        write(layouts.resolve("404.html"), """
                {{ define "main" }}
                <h1>Page not found</h1>
                <ul>{{ range .Site.Sections }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>
                {{ end }}
                """);
        write(site.resolve("static/style.css"), "body { font-family: sans-serif; }\n");
    }

    /** The furnished site's extras: the whole-guide layout and the callout shortcode. */
    static void writeFurnishings(Path layouts) throws IOException {
        write(layouts.resolve("_default/whole.html"), """
                {{ define "main" }}
                <h1>{{ .Title }}</h1>
                <div class="content">{{ .CurrentSection.Content }}</div>
                {{ range .CurrentSection.RegularPages }}
                <section id="{{ .File.ContentBaseName }}"><h2>{{ .Title }}</h2><div class="content">{{ .Content }}</div></section>
                {{ end }}
                {{ end }}
                """);
        write(layouts.resolve("shortcodes/callout.html"), """
                <section class="callout callout--{{ .Get 0 }}"><h3 class="callout__heading"><span class="visually-hidden">Important: </span>{{ .Get 1 }}</h3>
                {{ .Inner | .Page.RenderString (dict "display" "block") }}
                </section>
                """);
    }

    static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
