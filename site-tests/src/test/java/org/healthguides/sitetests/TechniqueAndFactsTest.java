package org.healthguides.sitetests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** The article's facts, lists and figures all reach the published guide. */
class TechniqueAndFactsTest {

    private static String text(String slug) {
        return BuiltSite.text(BuiltSite.section(slug).selectFirst("main"));
    }

    private static Element listAfterHeading(String slug, String headingStart) {
        Element heading = BuiltSite.section(slug).select("h2, h3").stream()
                .filter(h -> h.text().toLowerCase().startsWith(headingStart.toLowerCase()))
                .findFirst().orElse(null);
        assertNotNull(heading, slug + ": heading starting '" + headingStart + "'");
        for (Element next = heading.nextElementSibling(); next != null; next = next.nextElementSibling()) {
            if (next.tagName().matches("[ou]l")) {
                return next;
            }
        }
        throw new AssertionError(slug + ": no list after '" + headingStart + "'");
    }

    @Test
    void theSevenStepsAreAnOrderedListInTheSourcesOrder() {
        Element steps = listAfterHeading("technique", "Correct deadlift technique");
        assertEquals("ol", steps.tagName());
        List<String> expected = List.of("grab the bar", "bend your knees", "hold a neutral back", "brace your abdomen",
                "tighten your shoulders and lats", "pull", "lower the weight");
        List<String> actual = steps.children().stream().map(li -> BuiltSite.text(li.selectFirst("strong"))).toList();
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertTrue(actual.get(i).startsWith(expected.get(i)), "step " + (i + 1) + ": " + actual.get(i));
        }
        String all = BuiltSite.text(steps);
        for (String detail : List.of("shoulder-width", "pronated", "mixed grip", "shins", "breathe in", "lats",
                "glutes", "neutral")) {
            assertTrue(all.contains(detail), "step detail missing: " + detail);
        }
    }

    @Test
    void hipHingeHasItsFiveRestrictions() {
        Element list = listAfterHeading("technique", "Drive the movement with your hips");
        assertEquals(5, list.children().size());
        String text = BuiltSite.text(list);
        for (String item : List.of("tight hamstrings", "stiff hip joint", "weak glutes", "tight hip flexors", "weak core")) {
            assertTrue(text.contains(item), item);
        }
    }

    @Test
    void posteriorChainHasItsFourEverydayUses() {
        Element list = listAfterHeading("technique", "Build your posterior kinetic chain");
        assertEquals(4, list.children().size());
        String text = BuiltSite.text(list);
        for (String item : List.of("walking", "running", "off the floor", "upstairs")) {
            assertTrue(text.contains(item), item);
        }
        String page = text("technique");
        assertTrue(page.contains("calves") && page.contains("disc herniation"), "chain muscles and the injury risk");
        assertTrue(page.contains("barbell rows") && page.contains("kettlebell swings"));
    }

    @Test
    void musclesPageNamesAllSixGroupsAndWhatADeadliftIs() {
        Element list = listAfterHeading("muscles", "Which muscles");
        assertEquals(6, list.children().size());
        String text = BuiltSite.text(list);
        for (String group : List.of("back", "core", "hamstrings", "trapezius", "hips", "glutes")) {
            assertTrue(text.contains(group), group);
        }
        String page = text("muscles");
        assertTrue(page.contains("compound") && page.contains("momentum") && page.contains("dead"));
        // The source's list says "including": it is not every muscle a deadlift works.
        String description = BuiltSite.section("muscles").selectFirst("meta[name=description]").attr("content");
        assertTrue(description.contains("the main muscle groups") && !description.contains("six"), description);
    }

    @Test
    void benefitsPageCoversTheThreeBenefits() {
        String page = text("benefits");
        for (String fact : List.of("lean muscle", "lose weight", "compound", "testosterone", "growth hormone", "recover")) {
            assertTrue(page.contains(fact), fact);
        }
    }

    @Test
    void injuriesPageListsTheStudysInjuries() {
        String page = text("injuries");
        for (String fact : List.of("2018", "muscle ruptures", "fractures", "meniscus tears", "lower back injur",
                "lighter weights", "muscle memory", "too heavy, too early")) {
            assertTrue(page.contains(fact), fact);
        }
    }

    @Test
    void recoveryPageKeepsEveryFigureOfTheTreatment() {
        String page = text("recovery");
        for (String fact : List.of("at least 2 days", "15 to 20 minutes", "every few hours", "30-minute break",
                "heat", "blood flow", "physiotherapist", "chiropractor", "every day", "gp")) {
            assertTrue(page.contains(fact), fact);
        }
        Element cycle = listAfterHeading("recovery", "Use heat");
        assertEquals("ol", cycle.tagName(), "the ice, break, heat cycle is an ordered list");
        assertEquals(3, cycle.children().size());
    }

    @Test
    void noAdvertisingFromTheSourceReachesAnyPage() {
        for (String path : BuiltSite.htmlPages()) {
            String text = BuiltSite.text(BuiltSite.page(path).body());
            assertTrue(!text.contains("clinical trial") && !text.contains("eligible"), path + " carries advertising");
        }
    }
}
