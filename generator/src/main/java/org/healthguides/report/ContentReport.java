package org.healthguides.report;

import org.healthguides.render.JsonText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.healthguides.content.GuideMeta;
import org.healthguides.markdown.Callout;
import org.healthguides.markdown.ContentLink;
import org.healthguides.markdown.RenderedMarkdown;
import org.healthguides.readability.ReadingStats;
import org.healthguides.site.Guide;
import org.healthguides.site.ReadingLevel;
import org.healthguides.site.SectionPage;
import org.healthguides.site.Site;

/**
 * The numbers editors check a guide by: per page, words, reading time, reading age, care cards by kind,
 * references and internal links. Printed by {@code guide report} (as a table or JSON) and by
 * {@code guide build --verbose}.
 */
public record ContentReport(List<GuideNumbers> guides) {

    /** Every guide in every language: the originals, then the translations. */
    public static ContentReport of(Site site) {
        List<String> kinds = List.copyOf(site.settings().warningKinds().keySet());
        List<GuideNumbers> guides = new ArrayList<>();
        for (Guide guide : site.allGuides()) {
            List<PageNumbers> pages = new ArrayList<>();
            pages.add(numbers(GuideMeta.INDEX_SECTION, guide.title(), guide.displayPath(), guide.introduction(),
                    guide.introductionReading(), kinds));
            for (SectionPage section : guide.sections()) {
                pages.add(numbers(section.slug(), section.title(), section.displayPath(), section.content(), section.reading(), kinds));
            }
            Map<String, Integer> callouts = new LinkedHashMap<>();
            for (String kind : kinds) {
                int count = pages.stream().mapToInt(p -> p.callouts().getOrDefault(kind, 0)).sum();
                if (count > 0) {
                    callouts.put(kind, count);
                }
            }
            guides.add(new GuideNumbers(guide.slug(), guide.title(), guide.displayPath(), guide.meta().maxGrade(),
                    List.copyOf(pages), guide.totalReading(), callouts,
                    pages.stream().mapToInt(PageNumbers::references).sum(),
                    pages.stream().mapToInt(PageNumbers::internalLinks).sum(), guide.language(), ReadingLevel.measures(guide)));
        }
        return new ContentReport(List.copyOf(guides));
    }

    private static PageNumbers numbers(String section, String title, String file, RenderedMarkdown content, ReadingStats reading,
                                       List<String> kinds) {
        Map<String, Integer> callouts = new LinkedHashMap<>();
        for (String kind : kinds) {
            int count = (int) content.callouts().stream().map(Callout::kind).filter(kind::equals).count();
            if (count > 0) {
                callouts.put(kind, count);
            }
        }
        int internalLinks = (int) content.links().stream().filter(l -> l.isInternal() && !l.image()).count();
        return new PageNumbers(section, title, file, reading, callouts, content.references().size(), internalLinks);
    }

    /** A table per guide, for people. */
    public String table() {
        StringBuilder out = new StringBuilder();
        for (GuideNumbers guide : guides) {
            if (!out.isEmpty()) {
                out.append('\n');
            }
            out.append(guide.title()).append(" (").append(guide.file());
            if (guide.gradeMeasured()) {
                out.append(", max_grade ").append(grade(guide.maxGrade())).append(")\n");
            } else {
                out.append(", ").append(guide.language()).append(": reading level not measured, Flesch–Kincaid is a formula for English)\n");
            }
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"section", "words", "minutes", "grade", "ease", "callouts", "references", "internal links"});
            for (PageNumbers page : guide.pages()) {
                rows.add(row(page.section(), page.reading(), page.callouts(), page.references(), page.internalLinks(), guide.gradeMeasured()));
            }
            rows.add(row("total", guide.total(), guide.callouts(), guide.references(), guide.internalLinks(), guide.gradeMeasured()));
            out.append(align(rows));
        }
        if (guides.isEmpty()) {
            out.append("No guides.\n");
        }
        out.append("Reading time at ").append(ReadingStats.WORDS_PER_MINUTE)
                .append(" words a minute, rounded up; grade is Flesch–Kincaid, ease is Flesch reading ease.\n");
        return out.toString();
    }

    /** The same numbers as JSON, for tools. */
    public String json() {
        List<Object> guideList = new ArrayList<>();
        for (GuideNumbers guide : guides) {
            Map<String, Object> g = new LinkedHashMap<>();
            g.put("guide", guide.slug());
            g.put("title", guide.title());
            g.put("file", guide.file());
            g.put("max_grade", guide.maxGrade());
            g.put("language", guide.language());
            g.put("reading_level", guide.gradeMeasured() ? "Flesch-Kincaid" : "not measured");
            List<Object> pages = new ArrayList<>();
            for (PageNumbers page : guide.pages()) {
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("section", page.section());
                p.put("title", page.title());
                p.put("file", page.file());
                putNumbers(p, page.reading(), page.callouts(), page.references(), page.internalLinks(), guide.gradeMeasured());
                pages.add(p);
            }
            g.put("sections", pages);
            Map<String, Object> total = new LinkedHashMap<>();
            putNumbers(total, guide.total(), guide.callouts(), guide.references(), guide.internalLinks(), guide.gradeMeasured());
            g.put("total", total);
            guideList.add(g);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("words_per_minute", ReadingStats.WORDS_PER_MINUTE);
        root.put("guides", guideList);
        return JsonText.pretty(root);
    }

    /** @param gradeMeasured false for a language other than English: grade and ease are then null ("not measured") */
    private static void putNumbers(Map<String, Object> into, ReadingStats reading, Map<String, Integer> callouts, int references,
                                   int internalLinks, boolean gradeMeasured) {
        into.put("words", reading.words());
        into.put("sentences", reading.sentences());
        into.put("syllables", reading.syllables());
        into.put("average_sentence_length", round2(reading.averageSentenceLength()));
        into.put("reading_minutes", reading.readingMinutes());
        into.put("grade", gradeMeasured ? round2(reading.fleschKincaidGrade()) : null);
        into.put("reading_ease", gradeMeasured ? round2(reading.fleschReadingEase()) : null);
        into.put("callouts", new LinkedHashMap<>(callouts));
        into.put("references", references);
        into.put("internal_links", internalLinks);
    }

    private static String[] row(String name, ReadingStats reading, Map<String, Integer> callouts, int references, int internalLinks,
                                boolean gradeMeasured) {
        String kinds = callouts.isEmpty() ? "-" : String.join(", ", callouts.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).toList());
        return new String[] {name, String.valueOf(reading.words()), String.valueOf(reading.readingMinutes()),
                gradeMeasured ? String.format(Locale.ROOT, "%.1f", reading.fleschKincaidGrade()) : "not measured",
                gradeMeasured ? String.format(Locale.ROOT, "%.1f", reading.fleschReadingEase()) : "not measured", kinds, String.valueOf(references),
                String.valueOf(internalLinks)};
    }

    /** Text columns left-aligned, number columns right-aligned, two spaces apart. */
    private static String align(List<String[]> rows) {
        int columns = rows.get(0).length;
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                boolean text = c == 0 || c == 5;
                String cell = row[c];
                String pad = " ".repeat(widths[c] - cell.length());
                line.append(c == 0 ? "" : "  ").append(text ? cell + pad : pad + cell);
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    private static double round2(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static String grade(double grade) {
        return grade == Math.rint(grade) ? String.valueOf((long) grade) : String.valueOf(grade);
    }
}
