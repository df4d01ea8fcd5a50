package org.healthguides.content;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SafeSvgTest {
    static final String OPEN = "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" viewBox=\"0 0 10 10\">";

    @Test
    void the_sites_own_favicon_and_plain_drawings_are_safe() throws IOException {
        Path favicon = Path.of(System.getProperty("user.dir")).resolve("../templates/static/favicon.svg");
        assertNull(SafeSvg.unsafePart(Files.readString(favicon)));
        assertNull(SafeSvg.unsafePart(OPEN + "<defs><linearGradient id=\"g\"><stop offset=\"0\" stop-color=\"#fff\"/></linearGradient></defs>"
                + "<rect width=\"10\" height=\"10\" fill=\"url(#g)\" style=\"stroke: #000\"/><use href=\"#g\"/><text>Flat back</text></svg>"));
        assertNull(SafeSvg.unsafePart("<?xml version=\"1.0\"?>" + OPEN + "<image href=\"data:image/png;base64,iVBORw0KGgo=\"/></svg>"));
    }

    /** What goes inside {@link #OPEN} and "</svg>" in each refused image: also never cleared by PlainSvg's quick look. */
    static Stream<String> refusedInsides() {
        return Stream.of(
                "<script>alert(1)</script>",
                "<svg:script xmlns:svg=\"http://www.w3.org/2000/svg\">alert(1)</svg:script>",
                "<SCRIPT>alert(1)</SCRIPT>",
                "<circle onload=\"alert(1)\"/>",
                "<circle ONCLICK=\"alert(1)\"/>",
                "<foreignObject><iframe src=\"https://x.example/\"></iframe></foreignObject>",
                "<a href=\"javascript:alert(1)\"><text>x</text></a>",
                "<a xlink:href=\"&#106;avascript:alert(1)\"><text>x</text></a>",
                "<a href=\" JaVa&#x09;ScRiPt:alert(1)\"><text>x</text></a>",
                "<image href=\"https://tracker.example/p.png\"/>",
                "<image xlink:href=\"data:image/svg+xml;base64,PHN2Zz48c2NyaXB0PmFsZXJ0KDEpPC9zY3JpcHQ+PC9zdmc+\"/>",
                "<use href=\"other.svg#icon\"/>",
                "<rect style=\"fill:url(https://x.example/a.svg#g)\"/>",
                "<rect style=\"fill:\\75 rl(https://x.example/a)\"/>",
                "<rect fill=\"url('//x.example/p#g')\"/>",
                "<style>@import url(https://x.example/a.css);</style>",
                "<style>rect { fill: url(https://x.example/p.svg#g) }</style>",
                "<set attributeName=\"href\" to=\"javascript:alert(1)\"/>",
                "<animate attributeName=\"xlink:href\" values=\"https://x.example/\"/>",
                "<embed src=\"x.swf\"/>");
    }

    @ParameterizedTest
    @MethodSource("refusedInsides")
    void script_handlers_html_and_references_are_refused(String inside) {
        assertNotNull(SafeSvg.unsafePart(OPEN + inside + "</svg>"), inside);
    }

    @Test
    void entity_declarations_and_stylesheet_instructions_are_refused() {
        assertNotNull(SafeSvg.unsafePart("<?xml-stylesheet href=\"https://x.example/a.css\"?>" + OPEN + "</svg>"));
        assertNotNull(SafeSvg.unsafePart("<!DOCTYPE svg [<!ENTITY lol \"lol\">]>" + OPEN + "<text>&lol;</text></svg>"));
    }
}
