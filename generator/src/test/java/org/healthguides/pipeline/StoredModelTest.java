package org.healthguides.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.healthguides.content.Alias;
import org.healthguides.content.Change;
import org.healthguides.content.FrontMatter;
import org.healthguides.content.GuideMeta;
import org.healthguides.content.RequiredWarning;
import org.healthguides.content.SectionMeta;
import org.healthguides.content.SourceFile;
import org.healthguides.diagnostics.Code;
import org.healthguides.diagnostics.ContentErrors;
import org.healthguides.diagnostics.Problem;
import org.healthguides.markdown.Callout;
import org.healthguides.markdown.ContentLink;
import org.healthguides.markdown.Heading;
import org.healthguides.markdown.Reference;
import org.healthguides.markdown.RenderedMarkdown;
import org.healthguides.readability.ReadingStats;
import org.healthguides.site.Draft;
import org.healthguides.site.SectionPage;
import org.healthguides.site.SiteAssembler.KeptGuide;
import org.junit.jupiter.api.Test;

/**
 * The build cache keeps each reused guide's assembled model, and the editorial checks, the link check and the site's
 * pages read a guide taken from it exactly as they read one assembled from its files: every field must read back as
 * written (the contract's required sections and care cards with their phrases per language, review dates and
 * reviewer, drafts, old addresses, each section's Markdown results), or a check would pass on a stale value.
 */
class StoredModelTest {

    private static KeptGuide roundTrip(KeptGuide model) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        BuildCache.writeModel(out, model);
        out.flush();
        EntryReader in = new EntryReader(bytes.toByteArray());
        KeptGuide read = BuildCache.readModel(in);
        assertEquals(-1, in.read(), "everything written is read");
        return read;
    }

    /**
     * A model as a reused guide has it: its Markdown without HTML and headings (its pages are reused, never rendered from
     * it; the headings are each page's contents).
     */
    private static KeptGuide asReused(KeptGuide model) {
        return new KeptGuide(model.meta(), withoutHtml(model.introduction()),
                model.sections().stream().map(s -> new SectionPage(s.meta(), s.path(), s.displayPath(), withoutHtml(s.content()), s.reading())).toList(),
                model.drafts(), model.findings());
    }

    private static RenderedMarkdown withoutHtml(RenderedMarkdown markdown) {
        return new RenderedMarkdown("", List.of(), markdown.callouts(), markdown.references(), markdown.links(),
                markdown.problems(), markdown.reading());
    }

    private static RenderedMarkdown markdown(String html, int line) {
        return new RenderedMarkdown(html,
                List.of(new Heading(2, "when-to-see-a-doctor", "When to see a doctor", line), new Heading(3, "cy-ŵ", "Cymraeg ŵ — العربية", line + 2)),
                List.of(new Callout("urgent", "See a doctor straight away if you have:", "sharp night pain numbness", List.of("sharp night pain", "numbness"), line + 4)),
                List.of(new Reference(1, "fn-1", "fnref-1", "A claim from the <em>source</em> article.")),
                List.of(new ContentLink("recovery.md#when-to-see-a-doctor", "lifting/recovery/", "when-to-see-a-doctor", false, line + 1, 5),
                        new ContentLink("../running/extra.md", "running/extra/", null, false, line + 1, 40),
                        new ContentLink("images/x.png", "lifting/images/x.png", null, true, line + 3, 1),
                        new ContentLink("#part", "", "part", false, line + 5, 2)),
                List.of(Problem.warning(Code.REFERENCE_UNCITED, "content/lifting/basics.md", line + 7, "reference [^2] is never cited", "cite it"),
                        new Problem(Code.RAW_HTML_SANITISED, "content/lifting/basics.md", line + 8, 3, org.healthguides.diagnostics.Severity.WARNING,
                                "raw HTML was made safe", null)),
                new ReadingStats(120, 9, 170));
    }

    /** What the cache keeps of a page for the sitemap reads back as written: its translations in order, nulls as nulls. */
    @Test
    void a_page_s_listing_for_the_sitemap_reads_back_as_written() throws IOException {
        java.util.Map<String, String> alternates = new java.util.LinkedHashMap<>();
        alternates.put("en-GB", "https://guides.test/lifting/");
        alternates.put("cy", "https://guides.test/cy/lifting/");
        alternates.put("ur", "https://guides.test/ur/lifting/\u0627");
        alternates.put("x-default", null);
        for (org.healthguides.output.PublishedPage page : List.of(
                new org.healthguides.output.PublishedPage("https://guides.test/lifting/", true, "2026-11-24", java.util.Collections.unmodifiableMap(alternates)),
                new org.healthguides.output.PublishedPage(null, true, null, Map.of()),
                new org.healthguides.output.PublishedPage("https://guides.test/404.html", false, "2026-01-02", Map.of()))) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            BuildCache.writePublished(out, page);
            out.flush();
            EntryReader in = new EntryReader(bytes.toByteArray());
            org.healthguides.output.PublishedPage read = BuildCache.readPublished(in);
            assertEquals(-1, in.read(), "everything written is read");
            assertEquals(page, read);
            assertEquals(List.copyOf(page.alternates().keySet()), List.copyOf(read.alternates().keySet()), "in hreflang order");
        }
    }

    @Test
    void a_model_with_every_field_set_reads_back_as_assembled() throws IOException {
        GuideMeta meta = new GuideMeta("lifting", "Lifting guide", "How to lift: safely.", LocalDate.of(2026, 11, 24), LocalDate.of(2027, 11, 24),
                List.of("basics", "recovery"), 6,
                List.of(new RequiredWarning("red flags", "urgent", "recovery", List.of("night pain", "numbness"), 8),
                        new RequiredWarning("bleeding", "urgent", "index", List.of(), 12,
                                java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(Map.of("en-GB", List.of("bleeding")))))),
                7.5, 3, 4, -2, List.of("back pain", "sciatica"), List.of(new Alias("old-lifting/", 14), new Alias("/other/old/", 15)),
                List.of(new Change(LocalDate.of(2026, 11, 24), "New red flags.", 17), new Change(LocalDate.of(2026, 1, 2), "First.", 19)),
                new GuideMeta.Reviewer("Alex Fixture", "Physiotherapist"), true);
        SectionMeta basics = new SectionMeta("basics", "Basics", 1, 3, "The basics.", List.of("posture"), List.of(new Alias("old-basics/", 5)), false);
        SectionMeta recovery = new SectionMeta("recovery", "Recovery — ŵ", -4, 0, "", List.of(), List.of(), true);
        KeptGuide model = new KeptGuide(meta, markdown("<p>Welcome.</p>", 20),
                List.of(new SectionPage(basics, "lifting/basics/", "content/lifting/basics.md", markdown("<p>Basics</p>", 5), new ReadingStats(120, 9, 170)),
                        new SectionPage(recovery, "lifting/recovery/", "content/lifting/recovery.md", markdown(null, 1), new ReadingStats(0, 0, 0))),
                List.of(new Draft("content/lifting/recovery.md", "lifting/recovery/", false, false),
                        new Draft("content/lifting/index.md", "lifting/", true, false),
                        new Draft("content/lifting/later.md", "lifting/later/", false, true)),
                List.of(Problem.warning(Code.READING_LEVEL_TOO_HIGH, "content/lifting/basics.md", 0, "section 'basics' reads at grade 9.1 — ŵ", "use shorter sentences"),
                        Problem.error(Code.CARE_CARD_MISSING_MENTION, "content/lifting/recovery.md", 12, "does not mention: 'numbness'", null),
                        new Problem(Code.NO_CLINICAL_SIGN_OFF, "content/lifting/index.md", 3, 7, org.healthguides.diagnostics.Severity.WARNING, "no sign-off", "add it")));
        KeptGuide read = roundTrip(model);
        assertEquals(asReused(model), read);
        // Care cards, references and links stay in the model's bytes, decoded each time they are read, the same each time.
        List<ContentLink> links = read.sections().get(0).content().links();
        assertTrue(links instanceof StoredList<?>, "left in the bytes: " + links.getClass());
        assertEquals(links, read.sections().get(0).content().links());
        assertEquals(model.sections().get(0).content().links().get(1), links.get(1));
        assertEquals(model.sections().get(0).content().callouts(), List.copyOf(read.sections().get(0).content().callouts()));
        assertEquals(model.introduction().references(), read.introduction().references().stream().toList());

        // Without any of the optional values: no dates, weight, reviewer, lists or drafts.
        GuideMeta bare = new GuideMeta("g", "G", "", null, null, List.of(), 0, List.of(), GuideMeta.DEFAULT_MAX_GRADE, 1, 1, null,
                List.of(), List.of(), List.of(), null, false);
        KeptGuide empty = new KeptGuide(bare, new RenderedMarkdown("", List.of(), List.of(), List.of(), List.of(), List.of(), new ReadingStats(0, 0, 0)),
                List.of(), List.of(), List.of());
        assertEquals(empty, roundTrip(empty));
        assertNotEquals(asReused(model), roundTrip(empty), "a different model reads back different");
    }

    @Test
    void a_model_read_from_front_matter_reads_back_equal() throws ContentErrors, IOException {
        String index = """
                ---
                title: Lifting guide
                description: "How to lift: safely."
                reviewed: 2026-11-24
                next_review: 2027-11-24
                required_sections: [basics, recovery]
                required_warnings:
                  - name: red flags
                    kind: urgent
                    section: recovery
                    mentions: { en-GB: [night pain, numbness], cy: [poen nos, diffyg teimlad] }
                  - name: bleeding
                    kind: urgent
                    section: index
                    mentions: [bleeding]
                max_grade: 9.5
                weight: 3
                keywords: [back pain, sciatica]
                aliases: [old-lifting/, /elsewhere/old/]
                changes:
                  - date: 2026-01-02
                    summary: First.
                  - date: 2026-11-24
                    summary: New red flags.
                reviewed_by:
                  name: Alex Fixture
                  role: Physiotherapist
                draft: true
                ---
                Welcome.
                """;
        SourceFile indexFile = new SourceFile("lifting/index.md", "content/lifting/index.md", index);
        GuideMeta meta = GuideMeta.read("lifting", indexFile, FrontMatter.parse(indexFile));
        String section = """
                ---
                title: Basics
                order: 1
                description: The basics.
                keywords: [posture]
                aliases: [old-basics/]
                draft: true
                ---
                Body.
                """;
        SourceFile sectionFile = new SourceFile("lifting/basics.md", "content/lifting/basics.md", section);
        SectionMeta sectionMeta = SectionMeta.read(sectionFile, FrontMatter.parse(sectionFile));
        KeptGuide model = new KeptGuide(meta, markdown("<p>Welcome.</p>", 30),
                List.of(new SectionPage(sectionMeta, "lifting/basics/", sectionFile.displayPath(), markdown("<p>Body.</p>", 9), new ReadingStats(1, 1, 2))),
                List.of(new Draft("content/lifting/basics.md", "lifting/basics/", false, false)),
                List.of(Problem.warning(Code.NO_CLINICAL_SIGN_OFF, "content/lifting/index.md", 4, "no sign-off", "add it")));
        KeptGuide read = roundTrip(model);
        assertEquals(asReused(model), read);
        assertEquals(List.of("cy", "en-GB").stream().sorted().toList(),
                read.meta().requiredWarnings().get(0).mentionsByLanguage().keySet().stream().sorted().toList());
        assertEquals(meta.requiredWarnings().get(0).mentionsIn("cy", "en-GB"), read.meta().requiredWarnings().get(0).mentionsIn("cy", "en-GB"));
    }
}
