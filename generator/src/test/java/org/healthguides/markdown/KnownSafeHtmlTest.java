package org.healthguides.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Cleaner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KnownSafeHtmlTest {
    private static final Cleaner CLEANER = new Cleaner(MarkdownRenderer.contentSafelist());

    private static Document parse(String html) {
        return Jsoup.parseBodyFragment(html, MarkdownRenderer.SANITISE_BASE + "g/recovery/");
    }

    /** What the sanitiser makes of it, printed as the renderer prints it. */
    private static String cleaned(String html) {
        Document clean = CLEANER.clean(parse(html));
        clean.outputSettings().prettyPrint(false);
        return clean.body().html();
    }

    private static String asParsed(String html) {
        Document dirty = parse(html);
        dirty.outputSettings().prettyPrint(false);
        return dirty.body().html();
    }

    @Test
    void every_known_element_and_attribute_is_kept_by_the_safelist_as_it_is() {
        Map<String, String> context = Map.of("li", "ul", "tr", "table", "th", "table", "td", "table", "thead", "table", "tbody", "table");
        for (Map.Entry<String, Set<String>> entry : KnownSafeHtml.ATTRIBUTES.entrySet()) {
            String tag = entry.getKey();
            StringBuilder attributes = new StringBuilder(" id=\"x-1\" class=\"c\"");
            for (String attribute : entry.getValue()) {
                attributes.append(' ').append(attribute).append("=\"")
                        .append(attribute.equals("href") || attribute.equals("src") ? "../technique/#grip" : "3").append('"');
            }
            String element = "<" + tag + attributes + ">text</" + tag + ">";
            String html = context.containsKey(tag) ? "<" + context.get(tag) + ">" + element + "</" + context.get(tag) + ">" : element;
            assertTrue(KnownSafeHtml.covers(parse(html).body()), html);
            assertEquals(asParsed(html), cleaned(html), html);
        }
    }

    /** Flexmark's output for Markdown without raw HTML: known, and unchanged by the sanitiser. */
    @ParameterizedTest
    @ValueSource(strings = {
            "<h2 id=\"rest\">Rest</h2>\n<p>Keep the <strong>bar</strong> <em>close</em>, use <code>chalk</code>.</p>\n",
            "<p><a href=\"../technique/#grip\" title=\"Grip\">grip</a>, <a href=\"#rest\">rest</a>, <a href=\"./\">here</a>, "
                    + "<a href=\"https://www.nhs.uk/conditions/back-pain/\">NHS</a>, <a href=\"mailto:editor@example.org\">mail</a>, "
                    + "<a href=\"tel:111\">111</a>, <a href=\"?print=1\">print</a>, <a href=\"a%20b(1)!.pdf\">file</a></p>\n",
            "<p><img src=\"images/spine.png\" alt=\"A neutral spine\" title=\"Side\"><img src=\"https://example.org/x.png\" alt=\"x\"></p>",
            "<ol start=\"3\">\n<li>Hinge.<br>\nThen lift.</li>\n</ol>\n<ul>\n<li><p>Loose</p></li>\n</ul>\n<hr>\n<blockquote>\n<p>Quote</p>\n</blockquote>\n",
            "<pre><code class=\"language-text\">a &lt; b\n</code></pre>\n<table class=\"table\">\n<thead>\n<tr><th>A</th></tr>\n</thead>\n"
                    + "<tbody>\n<tr><td>1</td></tr>\n</tbody>\n</table>\n",
            "<section class=\"callout callout--urgent\" aria-labelledby=\"callout-1\" data-kind=\"urgent\">\n"
                    + "<h3 class=\"callout__heading\" id=\"callout-1\"><span class=\"callout__label\">Urgent advice:</span> Get help</h3>\n"
                    + "<div class=\"callout__content\">\n<ul>\n<li>sharp night pain</li>\n</ul>\n</div>\n</section>\n",
            "<p>Brace.<sup id=\"fnref-1\"><a class=\"footnote-ref\" href=\"#fn-1\">1</a></sup></p>\n<div class=\"footnotes\">\n<hr>\n<ol>\n"
                    + "<li id=\"fn-1\">\n<p>Source. <a href=\"#fnref-1\" class=\"footnote-backref\">&#8617;</a></p>\n</li>\n</ol>\n</div>\n",
            "<p>Text &amp; more &lt;b&gt; &quot;quoted&quot; and non-breaking&nbsp;space</p>",
    })
    void markdown_output_is_known_and_the_sanitiser_would_leave_it_as_it_is(String html) {
        assertTrue(KnownSafeHtml.covers(parse(html).body()), html);
        assertEquals(asParsed(html), cleaned(html), html);
    }

    /** Anything that could run script, or that the safelist would change, goes through the sanitiser. */
    @ParameterizedTest
    @ValueSource(strings = {
            "<script>alert(1)</script>", "<p onclick=\"alert(1)\">x</p>", "<a href=\"javascript:alert(1)\">x</a>",
            "<a href=\"JAVASCRIPT:alert(1)\">x</a>", "<a href=\"java&#x09;script:alert(1)\">x</a>", "<a href=\" javascript:alert(1)\">x</a>",
            "<a href=\"vbscript:x\">x</a>", "<a href=\"data:text/html,x\">x</a>", "<img src=\"data:image/png;base64,AAAA\" alt=\"\">",
            "<img src=\"mailto:x@example.org\" alt=\"\">", "<img src=\"tel:1\" alt=\"\">", "<a href=\"//evil.example/\">x</a>",
            "<a href=\"\">x</a>", "<a href=\"a b\">x</a>", "<a href=\"x&#10;y\">x</a>", "<p style=\"color:red\">x</p>",
            "<iframe src=\"https://evil.example\"></iframe>", "<svg><a href=\"#x\">x</a></svg>", "<p><!-- note --></p>",
            "<div data-x=\"1\">x</div>", "<table><tr><td align=\"left\">x</td></tr></table>", "<blockquote cite=\"https://x.example\">x</blockquote>",
            "<object data=\"x\"></object>", "<p><style>p{}</style></p>", "<a href=\"https://x.example\" target=\"_blank\">x</a>",
    })
    void anything_else_is_left_to_the_sanitiser(String html) {
        assertFalse(KnownSafeHtml.covers(parse(html).body()), html);
    }

    @Test
    void rendered_markdown_with_and_without_raw_html_is_clean_either_way() {
        MarkdownRenderer renderer = new MarkdownRenderer(Map.of());
        RenderedMarkdown plain = renderer.render(MarkdownSource.onItsOwnPage("content/g/a.md", "g/a.md",
                "Keep the [bar](b.md) close.\n", 1));
        RenderedMarkdown raw = renderer.render(MarkdownSource.onItsOwnPage("content/g/a.md", "g/a.md",
                "Keep the <a href=\"javascript:alert(1)\" onclick=\"x()\">bar</a> close.\n\n[x](javascript:alert(2))\n", 1));
        assertEquals("<p>Keep the <a href=\"../b/\">bar</a> close.</p>", plain.html().strip());
        assertFalse(raw.html().contains("javascript"), raw.html());
        assertFalse(raw.html().contains("onclick"), raw.html());
        assertEquals(List.of(), plain.problems());
    }
}
