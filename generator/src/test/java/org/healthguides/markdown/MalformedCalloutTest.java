package org.healthguides.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.healthguides.content.WarningKind;
import org.healthguides.diagnostics.Code;
import org.healthguides.diagnostics.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A line that starts with !!! but is not a care card opening is an error at its line, with the fix; never published as text. */
class MalformedCalloutTest {
    private static final Map<String, WarningKind> KINDS = new LinkedHashMap<>();
    static {
        KINDS.put("emergency", new WarningKind("emergency", "Immediate action required", "Call 999 or go to A&E if:"));
        KINDS.put("urgent", new WarningKind("urgent", "Urgent advice", "Ask for an urgent GP appointment or call 111 if:"));
    }
    private final MarkdownRenderer renderer = new MarkdownRenderer(KINDS);

    /** The body starts on line 5 of its file; the broken line is the third of the body. */
    private List<Problem> problemsOf(String openingLine, String body) {
        String markdown = "## Signs\n\n" + openingLine + "\n" + body;
        return renderer.render(MarkdownSource.onItsOwnPage("content/g/recovery.md", "g/recovery.md", markdown, 5)).problems();
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("unquoted heading", "!!! urgent See a doctor if:",
                        "the heading of care card '!!! urgent' is not in double quotes, so it was not read as a care card",
                        "write '!!! urgent \"See a doctor if:\"'"),
                Arguments.of("no space after !!!", "!!!urgent \"See a doctor if:\"",
                        "no space after '!!!', so this line is not a care card", "write '!!! urgent \"See a doctor if:\"'"),
                Arguments.of("no kind", "!!! \"See a doctor if:\"",
                        "care card has a heading but no kind", "write '!!! urgent \"See a doctor if:\"' with one of: emergency, urgent"),
                Arguments.of("bare !!!", "!!!",
                        "'!!!' alone does not open a care card: the kind and heading are missing",
                        "write !!! urgent \"Heading\" (a care card opens with '!!!', a space, its kind (emergency, urgent), a space and its heading in double quotes)"),
                Arguments.of("unclosed quote", "!!! urgent \"See a doctor if:",
                        "the heading of care card '!!! urgent' has no closing double quote", "write '!!! urgent \"See a doctor if:\"'"),
                Arguments.of("text after the heading", "!!! urgent \"See a doctor\" if you have:",
                        "text after the heading of care card '!!! urgent \"See a doctor\"': 'if you have:'",
                        "end the line at the closing quote and put the text on the next line, indented by four spaces"),
                Arguments.of("four !", "!!!! urgent \"See a doctor if:\"",
                        "'!!!!' is not a care card: use exactly three '!'", "write !!! urgent \"Heading\""),
                Arguments.of("punctuation in the kind", "!!! urgent! \"See a doctor if:\"",
                        "'urgent!' is not a care card kind", "use one of: emergency, urgent, e.g. !!! urgent \"Heading\""),
                Arguments.of("indented by up to three spaces", "   !!! urgent See a doctor",
                        "the heading of care card '!!! urgent' is not in double quotes, so it was not read as a care card",
                        "write '!!! urgent \"See a doctor\"'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void is_an_error_at_its_line_with_the_fix(String what, String line, String message, String fix) {
        List<Problem> problems = problemsOf(line, "    - numbness in both legs\n");
        assertEquals(List.of(Problem.error(Code.MALFORMED_CARE_CARD, "content/g/recovery.md", 7, message, fix)), problems, what);
    }

    @Test
    void an_unknown_kind_is_an_error_with_a_suggestion() {
        List<Problem> problems = problemsOf("!!! urgnet \"See a doctor if:\"", "    - numbness in both legs\n");
        assertEquals(1, problems.size(), problems.toString());
        assertEquals(7, problems.get(0).line());
        assertTrue(problems.get(0).toString().contains("unknown care card kind 'urgnet'") && problems.get(0).toString().contains("urgent"),
                problems.toString());
    }

    @Test
    void a_body_that_is_not_indented_is_an_error_at_its_first_line() {
        List<Problem> problems = problemsOf("!!! urgent \"See a doctor if:\"", "- numbness in both legs\n- difficulty peeing\n");
        assertEquals(List.of(Problem.error(Code.CARE_CARD_BODY_NOT_INDENTED, "content/g/recovery.md", 8, "the body of care card '!!! urgent' is not indented",
                "indent every line of the care card's body by four spaces under the '!!!' line")), problems);
    }

    @Test
    void a_malformed_opening_inside_a_paragraph_or_list_item_is_found_too() {
        List<Problem> inParagraph = problemsOf("Some text first.\n!!! urgent See a doctor", "");
        assertEquals(1, inParagraph.size(), inParagraph.toString());
        assertEquals(8, inParagraph.get(0).line());
        List<Problem> inList = problemsOf("- item\n\n  !!! urgent See a doctor", "");
        assertEquals(1, inList.size(), inList.toString());
        assertEquals(9, inList.get(0).line());
    }

    @Test
    void good_care_cards_and_bangs_in_code_or_mid_sentence_are_not_errors() {
        assertEquals(List.of(), problemsOf("!!! urgent \"See a doctor if:\"", "    - numbness in both legs\n\n    More, indented.\n"));
        assertEquals(List.of(), problemsOf("!!! urgent", "    - uses the default heading\n"));
        assertEquals(List.of(), problemsOf("!!! urgent \"Indented by a tab\"", "\t- a tab is four columns\n"));
        assertEquals(List.of(), problemsOf("- item\n\n    !!! urgent \"In a list\"\n        - sign", ""));
        assertEquals(List.of(), problemsOf("```\n!!! urgent not a callout, just code\n```", ""));
        assertEquals(List.of(), problemsOf("    !!! indented code", ""));
        assertEquals(List.of(), problemsOf("Stop!!! That hurts.", ""));
        assertEquals(List.of(), problemsOf("Write `!!! urgent \"Heading\"` to start a care card.", ""));
    }
}
