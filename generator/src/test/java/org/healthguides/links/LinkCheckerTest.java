package org.healthguides.links;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.healthguides.diagnostics.Problem;
import org.healthguides.markdown.ContentLink;
import org.junit.jupiter.api.Test;

class LinkCheckerTest {

    @Test
    void links_resolve_to_pages_files_and_ids_on_the_target_page() {
        LinkChecker checker = new LinkChecker();
        checker.addPage("g/recovery/", "<main id=\"main-content\"><h2 id=\"use-ice\">Use ice</h2></main>");
        checker.addFile("g/photo.png");
        List<Problem> problems = checker.check("content/g/basics.md", List.of(
                new ContentLink("recovery.md#use-ice", "g/recovery/", "use-ice", false, 3),
                new ContentLink("recovery.md#main-content", "g/recovery/", "main-content", false, 4),
                new ContentLink("photo.png", "g/photo.png", "", true, 5),
                new ContentLink("https://nhs.uk", null, "", false, 6),
                new ContentLink("recovery.md#rest", "g/recovery/", "rest", false, 7),
                new ContentLink("nowhere.md", "g/nowhere/", "", false, 8),
                new ContentLink("gone.png", "g/gone.png", "", true, 9)));
        assertEquals(List.of(7, 8, 9), problems.stream().map(Problem::line).toList());
        assertTrue(problems.get(0).message().contains("#rest"));
        assertTrue(problems.get(2).message().startsWith("image 'gone.png'"));
    }

    @Test
    void ids_are_the_values_of_id_attributes_after_whitespace_as_the_regular_expression_finds_them() {
        String html = "<main id=\"main\">\n<h2\tid=\"tab\">x</h2><p data-id=\"not-this\" grid=\"nor-this\">"
                + "<b id=\"\">empty</b><i\nid=\"new-line\"></i><a id=\"unclosed";
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("\\sid=\"([^\"]+)\"").matcher(html);
        java.util.Set<String> expected = new java.util.HashSet<>();
        while (matcher.find()) {
            expected.add(matcher.group(1));
        }
        assertEquals(java.util.Set.of("main", "tab", "new-line"), LinkChecker.idsOf(html));
        assertEquals(expected, LinkChecker.idsOf(html));
    }
}
