package org.healthguides.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The quick look may clear plain drawings and nothing else: every refusal and every doubt goes to the full check. */
class PlainSvgTest {
    private static final String OPEN = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\">";

    private static String favicon() throws IOException {
        return Files.readString(Path.of(System.getProperty("user.dir")).resolve("../templates/static/favicon.svg"));
    }

    @Test
    void the_sites_favicon_and_plain_drawings_are_cleared_without_jsoup() throws IOException {
        assertTrue(PlainSvg.isPlainlySafe(favicon()));
        assertTrue(PlainSvg.isPlainlySafe("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone='no'?>\n" + OPEN
                + "\n  <g fill='#000' stroke-width=\"2\">\n    <title>Flat back</title>\n    <circle cx=\"5\" cy=\"5\" r=\"4\"/>\n"
                + "    <text x=\"1\" y=\"9\">Lift &gt; nothing</text>\n  </g>\n</svg>\n".replace("&gt; ", "")));
        assertTrue(PlainSvg.isPlainlySafe(OPEN + "<defs><linearGradient id=\"g\"><stop offset=\"0\" stop-color=\"#fff\"/></linearGradient></defs>"
                + "<rect width=\"10\" height=\"10\" fill=\"url(#g)\"/></svg>"));
    }

    @ParameterizedTest
    @MethodSource("org.healthguides.content.SafeSvgTest#refusedInsides")
    void what_the_full_check_refuses_is_never_cleared(String inside) {
        String svg = SafeSvgTest.OPEN + inside + "</svg>";
        assertNotNull(SafeSvg.unsafePart(svg), inside);
        assertFalse(PlainSvg.isPlainlySafe(svg), inside);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // Beyond those: more of what the full check refuses, or reads itself (style, animation).
            "<circle svg:onclick=\"alert(1)\"/>",
            "<rect fill=\"java\tscript:alert(1)\"/>",
            "<style>rect { fill: red }</style>",
            "<animateTransform attributeName=\"transform\"/>",
            "<handler>alert(1)</handler>",
            // Outside the plain subset: left to the full check even when harmless.
            "<!-- a comment -->",
            "<![CDATA[ x ]]>",
            "<?php echo 1 ?>",
            "<text>&lt;</text>",
            "<text>&#60;</text>",
            "<rect fill=\"&quot;\"/>",
            "<rect fill=red/>",
            "<rect fill=\"red\" fill=\"blue\"/>",
            "<rect fill=\"red\"fill2=\"blue\"/>",
            "<rect fill=\"red/>",
            "<rect fill=\"a<b\"/>",
            "<g></G>",
            "<g>",
            "</g>",
            "<g><rect/></svg></g>",
            "<1rect/>",
            "<réct/>",
            "< rect/>",
            "<rect / >",
            "<rect fill=\"url(\u0000#a)\"/>",
            "<title>Dos de la main \u00e0 plat</title>",
    })
    void what_the_full_check_refuses_or_might_read_otherwise_is_not_cleared(String inside) {
        assertFalse(PlainSvg.isPlainlySafe(OPEN + inside + "</svg>"), inside);
    }

    @Test
    void prologues_and_epilogues_other_than_space_and_an_xml_declaration_are_not_cleared() throws IOException {
        String svg = favicon().strip();
        for (String before : List.of("\uFEFF", "x", "<!DOCTYPE svg>", "<!DOCTYPE svg [<!ENTITY lol \"lol\">]>", "<?xml-stylesheet href=\"a.css\"?>",
                "<?xml version=\"1.0\"?><?xml-stylesheet href=\"a.css\"?>", "<?xml version=\"1.0\">", "<?xml?>", "<?XML version=\"1.0\"?>",
                "<!-- -->", "<?xml version=\"1.0\" encoding=\"&#85;\"?>")) {
            assertFalse(PlainSvg.isPlainlySafe(before + svg), before);
        }
        for (String after : List.of("x", "<svg/>", "<!-- -->", "<script>alert(1)</script>", "&amp;")) {
            assertFalse(PlainSvg.isPlainlySafe(svg + after), after);
        }
        assertTrue(PlainSvg.isPlainlySafe(" \n\t\r" + svg + "\n\n"));
        assertFalse(PlainSvg.isPlainlySafe(""));
        assertFalse(PlainSvg.isPlainlySafe("   "));
    }

    @Test
    void a_deep_drawing_is_left_to_the_full_check() {
        String shallow = OPEN + "<g>".repeat(63) + "</g>".repeat(63) + "</svg>";
        String deep = OPEN + "<g>".repeat(64) + "</g>".repeat(64) + "</svg>";
        assertTrue(PlainSvg.isPlainlySafe(shallow));
        assertFalse(PlainSvg.isPlainlySafe(deep));
        assertNull(SafeSvg.unsafePart(deep));
    }

    /**
     * Hostile edits of plain drawings, thousands of them: whenever the quick look clears one, the full check through
     * jsoup must find it safe too, so the quick look never lets through what the full check would refuse.
     */
    @Test
    void whatever_is_cleared_the_full_check_finds_safe_too() throws IOException {
        List<String> seeds = List.of(favicon(), OPEN + "<g id=\"a\"><rect x=\"1\" y=\"1\" width=\"8\" height=\"8\" fill=\"url(#a)\"/><text>Back</text></g></svg>");
        List<String> pieces = List.of("<", ">", "/", "\"", "'", "&", "=", " ", ":", "\\", "<!--", "-->", "<![CDATA[", "]]>", "<?", "?>", "<!ENTITY x \"y\">",
                "<script>", "</script>", "<style>", "</style>", " onload=\"alert(1)\"", " href=\"https://x.example/\"", " xlink:href='#a'",
                " style=\"fill:url(https://x.example/a)\"", " fill=\"javascript:alert(1)\"", " fill=\"JAVA&#x09;SCRIPT:x\"", "javascript:", "url(",
                "expression(", "@import", "data:text/html,", "<foreignObject>", "<set attributeName=\"href\" to=\"x\"/>", "<a href=\"x\">", "</a>",
                "<svg:script>", "&#60;script&#62;", "<g>", "</g>", " a=\"1\"", "\u0000", "\n", "\uFEFF", "<image src=\"x.png\"/>");
        Random random = new Random(20261130);
        int cleared = 0;
        for (int round = 0; round < 20_000; round++) {
            StringBuilder svg = new StringBuilder(seeds.get(random.nextInt(seeds.size())));
            for (int edit = 1 + random.nextInt(3); edit > 0; edit--) {
                int at = random.nextInt(svg.length() + 1);
                if (random.nextInt(4) == 0 && at < svg.length()) {
                    svg.deleteCharAt(at);
                } else {
                    svg.insert(at, pieces.get(random.nextInt(pieces.size())));
                }
            }
            String edited = svg.toString();
            if (PlainSvg.isPlainlySafe(edited)) {
                cleared++;
                assertNull(SafeSvg.unsafePartParsed(edited), edited);
            }
        }
        // The edits leave many drawings plain (a space, an attribute, a group added), so both sides were exercised.
        assertTrue(cleared > 1_000, "only " + cleared + " of 20,000 edits were cleared");
    }

    @Test
    void refusals_read_as_before() {
        String svg = OPEN + "<circle onload=\"alert(1)\"/></svg>";
        assertEquals(SafeSvg.unsafePartParsed(svg), SafeSvg.unsafePart(svg));
        assertEquals("it has an event handler (onload on <circle>)", SafeSvg.unsafePart(svg));
    }
}
