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
    void a_misspelt_file_image_or_heading_id_gets_the_link_as_the_editor_meant_it() {
        LinkChecker checker = new LinkChecker();
        checker.addPage("g/", "<main id=\"main-content\"></main>");
        checker.addPage("g/technique/", "<main id=\"main-content\"><h2 id=\"keep-a-flat-back\">x</h2></main>");
        checker.addPage("g/recovery/", "<main id=\"main-content\"><h2 id=\"use-ice\">x</h2></main>");
        checker.addPage("other/technique/", "<main id=\"main-content\"></main>");
        checker.addFile("g/flat-back.png");
        List<Problem> problems = checker.check("content/g/basics.md", List.of(
                new ContentLink("techniqe.md#keep-a-flat-back", "g/techniqe/", "keep-a-flat-back", false, 3, 12),
                new ContentLink("flat-bak.png", "g/flat-bak.png", "", true, 4, 7),
                new ContentLink("technique.md#keep-a-flat-bak", "g/technique/", "keep-a-flat-bak", false, 5, 1),
                new ContentLink("zzz.md", "g/zzz/", "", false, 6, 1)));
        assertEquals(List.of(
                "content/g/basics.md:3:12: error[G0107]: link 'techniqe.md#keep-a-flat-back' leads nowhere — did you mean 'technique.md#keep-a-flat-back'?",
                "content/g/basics.md:4:7: error[G0107]: image 'flat-bak.png' leads nowhere — did you mean 'flat-back.png'?",
                "content/g/basics.md:5:1: error[G0106]: link 'technique.md#keep-a-flat-bak' points to #keep-a-flat-bak, which is not on that page — did you mean 'technique.md#keep-a-flat-back'?",
                "content/g/basics.md:6:1: error[G0107]: link 'zzz.md' leads nowhere: no page or file 'g/zzz/' — link to a Markdown file of the guide, e.g. recovery.md or recovery.md#heading-id"),
                problems.stream().map(Problem::toString).toList());
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

    @Test
    void ids_read_from_a_pages_utf8_bytes_are_the_ids_read_from_its_text() {
        String html = "<main id=\"main\">\u00b7<h2 id=\"caf\u00e9-\u0645\u0631\u062d\u0628\u0627\">x</h2><p data-id=\"no\"\u00a0id=\"nbsp-is-not-space\">"
                + "<b id=\"\">e</b><i\rid=\"cr\"></i><span id=\"emoji-\ud83d\ude00\"></span><a id=\"unclosed";
        java.util.Set<String> fromText = LinkChecker.idsOf(html);
        assertEquals(java.util.Set.of("main", "caf\u00e9-\u0645\u0631\u062d\u0628\u0627", "cr", "emoji-\ud83d\ude00"), fromText);
        assertEquals(fromText, LinkChecker.idsOf(html.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        for (String odd : new String[] {"id=\"start\" <p id=\"a\">", " id=\"\" id=\"after-empty\"", "<p data-id=\"x id=\"inner\" q\">",
                "<p id=\"x\"id=\"glued\" =\"\" a=b id=", "<p id=\"a\" id=\"unclosed", "=", "", " id=\"=\" id=\"a=b\""}) {
            assertEquals(LinkChecker.idsOf(odd), LinkChecker.idsOf(odd.getBytes(java.nio.charset.StandardCharsets.UTF_8)), odd);
        }
    }

    @Test
    void ids_kept_as_bytes_answer_as_the_ids_read_from_text_and_list_in_the_same_order() {
        java.util.Random random = new java.util.Random(15);
        String[] pieces = {"id=\"", " id=\"", "\tid=\"", "\"", "h", "-", "caf\u00e9", "\u0645", "\ud83d\ude00", "=", " ", "<p ", "x", "1", "id"};
        for (int round = 0; round < 5_000; round++) {
            StringBuilder html = new StringBuilder();
            for (int i = random.nextInt(60); i > 0; i--) {
                html.append(pieces[random.nextInt(pieces.length)]);
            }
            String text = html.toString();
            java.util.Set<String> fromText = LinkChecker.idsOf(text);
            java.util.Set<String> fromBytes = LinkChecker.idsOf(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            for (String id : fromText) {
                assertEquals(true, fromBytes.contains(id), text);
            }
            assertEquals(false, fromBytes.contains("not-an-id-" + round), text);
            // Listed in the order of a hash set filled in the page's order: a fragment's suggestion takes the first of equals.
            assertEquals(new java.util.ArrayList<>(fromText), new java.util.ArrayList<>(fromBytes), text);
            java.io.ByteArrayOutputStream written = new java.io.ByteArrayOutputStream();
            try {
                ((PageIds) fromBytes).writeTo(new java.io.DataOutputStream(written));
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
            PageIds read = new PageIds(written.toByteArray());
            assertEquals(fromText, read);
            assertEquals(new java.util.ArrayList<>(fromText), new java.util.ArrayList<>(read));
        }
    }
}
