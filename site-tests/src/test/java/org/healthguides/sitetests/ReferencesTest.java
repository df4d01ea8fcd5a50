package org.healthguides.sitetests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** The two cited claims are numbered references, each linked both ways, and no citation is invented. */
class ReferencesTest {

    private static final Map<String, String> CITED = Map.of(
            "benefits", "testosterone and growth hormone",
            "injuries", "2018 study");

    @Test
    void eachCitedClaimLinksToAReferenceThatLinksBack() {
        CITED.forEach((slug, claim) -> {
            Document page = BuiltSite.section(slug);
            Element marker = page.selectFirst("a.footnote-ref");
            assertNotNull(marker, slug + ": a reference marker");
            assertEquals("1", marker.ownText().trim(), slug + ": numbered from 1");
            Element reference = page.getElementById(marker.attr("href").substring(1));
            assertNotNull(reference, slug + ": marker target exists");
            assertNotNull(reference.closest("section.references"), slug + ": target is in the references list");
            assertTrue(BuiltSite.text(reference).contains(claim.toLowerCase()), slug + ": reference describes the claim");
            Element back = reference.selectFirst("a.reference-backlink");
            assertNotNull(back);
            assertNotNull(page.getElementById(back.attr("href").substring(1)), slug + ": backlink target exists");
        });
    }

    /** The only source with an address is NHS.UK's back pain page, for the signs the source article does not give. */
    private static final String NHS_BACK_PAIN = "https://www.nhs.uk/conditions/back-pain/";

    @Test
    void noReferenceInventsAuthorsJournalsOrDois() {
        for (String slug : BuiltSite.SECTIONS) {
            for (Element reference : BuiltSite.section(slug).select("section.references li")) {
                String text = BuiltSite.text(reference);
                assertFalse(text.matches(".*\\b(doi|et al|journal|vol\\.|pp\\.)\\b.*"), slug + ": " + text);
                for (Element link : reference.select("a[href^=http]")) {
                    assertEquals(NHS_BACK_PAIN, link.attr("href"), slug + ": no made-up source link");
                }
            }
        }
    }

    @Test
    void theEmergencySignsAreCitedToNhsUkAndTheReferenceLinksBackToThem() {
        Document recovery = BuiltSite.section("recovery");
        Element card = recovery.selectFirst("section.callout--emergency");
        assertNotNull(card);
        Element marker = card.selectFirst("a.footnote-ref");
        assertNotNull(marker, "the emergency card cites its source");
        Element reference = recovery.getElementById(marker.attr("href").substring(1));
        assertNotNull(reference, "the citation resolves");
        assertNotNull(reference.closest("section.references"));
        Element source = reference.selectFirst("a[href=" + NHS_BACK_PAIN + "]");
        assertNotNull(source, "the reference links to NHS.UK's back pain page: " + reference.outerHtml());
        assertTrue(BuiltSite.text(reference).contains("nhs"), BuiltSite.text(reference));
        Element back = reference.selectFirst("a.reference-backlink");
        assertNotNull(back, "the reference links back");
        Element citation = recovery.getElementById(back.attr("href").substring(1));
        assertNotNull(citation, "the backlink resolves");
        // The reference is cited twice on the page (the emergency signs, staying active); it links back to its first citation.
        Element cited = citation.is("a.footnote-ref") ? citation : citation.selectFirst("a.footnote-ref");
        assertNotNull(cited, "the backlink lands on a citation: " + citation.outerHtml());
        assertEquals(marker.attr("href"), cited.attr("href"), "a citation of the same NHS.UK reference");
    }

    @Test
    void wholeGuideKeepsReferenceIdsUniqueAcrossSections() {
        Document whole = BuiltSite.wholeGuide();
        for (Element marker : whole.select("a.footnote-ref")) {
            Element target = whole.getElementById(marker.attr("href").substring(1));
            assertNotNull(target, "whole guide: " + marker.attr("href") + " resolves");
        }
        assertEquals(3, whole.select("section.references li").size());
    }
}
