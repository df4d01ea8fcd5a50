package org.healthguides.markdown;

import java.util.Map;
import java.util.Set;

import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * The HTML Flexmark makes from Markdown without raw HTML in it: a short list of elements and attributes, every one
 * of which the sanitiser's safelist keeps as it is (a test checks each against the safelist), with link and image
 * addresses of a plainly safe form. A tree made only of these passes the sanitiser unchanged, so it need not be
 * copied through it; anything else (raw HTML, an unusual address, a comment) still goes through the sanitiser.
 */
final class KnownSafeHtml {
    private static final Set<String> ON_ALL = Set.of("id", "class");
    static final Map<String, Set<String>> ATTRIBUTES = Map.ofEntries(
            Map.entry("p", Set.of()), Map.entry("h1", Set.of()), Map.entry("h2", Set.of()), Map.entry("h3", Set.of()),
            Map.entry("h4", Set.of()), Map.entry("h5", Set.of()), Map.entry("h6", Set.of()),
            Map.entry("ul", Set.of()), Map.entry("ol", Set.of("start")), Map.entry("li", Set.of()),
            Map.entry("a", Set.of("href", "title")), Map.entry("img", Set.of("src", "alt", "title")),
            Map.entry("em", Set.of()), Map.entry("strong", Set.of()), Map.entry("code", Set.of()), Map.entry("pre", Set.of()),
            Map.entry("blockquote", Set.of()), Map.entry("hr", Set.of()), Map.entry("br", Set.of()),
            Map.entry("table", Set.of()), Map.entry("thead", Set.of()), Map.entry("tbody", Set.of()), Map.entry("tr", Set.of()),
            Map.entry("th", Set.of()), Map.entry("td", Set.of()), Map.entry("sup", Set.of()), Map.entry("div", Set.of()),
            Map.entry("span", Set.of()), Map.entry("section", Set.of("aria-labelledby", "data-kind")));
    /** Characters of a relative address that cannot hide a scheme, white space or markup. */
    private static final String PLAIN_URL_CHARACTERS =
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~/?#%&=+,;@!$()*'";

    private KnownSafeHtml() {
    }

    /** True when every node under {@code root} (not itself) is text or one of the known elements and attributes. */
    static boolean covers(Element root) {
        for (Node node : root.childNodes()) {
            if (!covers(node)) {
                return false;
            }
        }
        return true;
    }

    private static boolean covers(Node node) {
        if (node instanceof TextNode) {
            return true;
        }
        if (!(node instanceof Element element)) {
            return false; // comments, data (script or style contents), anything else
        }
        Set<String> allowed = ATTRIBUTES.get(element.normalName());
        if (allowed == null) {
            return false;
        }
        for (Attribute attribute : element.attributes()) {
            String key = attribute.getKey();
            if (!ON_ALL.contains(key) && !allowed.contains(key)) {
                return false;
            }
            if ((key.equals("href") || key.equals("src")) && !isPlainAddress(attribute.getValue(), key.equals("href"))) {
                return false;
            }
        }
        for (Node child : element.childNodes()) {
            if (!covers(child)) {
                return false;
            }
        }
        return true;
    }

    /**
     * An address the safelist keeps whatever the page: a web address, for a link also mail or phone, or a
     * relative one (an anchor, a path) made only of characters that cannot start a scheme of their own.
     */
    static boolean isPlainAddress(String url, boolean link) {
        if (url.startsWith("https://") || url.startsWith("http://")
                || link && (url.startsWith("mailto:") || url.startsWith("tel:"))) {
            return true;
        }
        if (url.isEmpty() || url.startsWith("//")) {
            return false;
        }
        for (int i = 0; i < url.length(); i++) {
            if (PLAIN_URL_CHARACTERS.indexOf(url.charAt(i)) < 0) {
                return false; // ':' among them: only the schemes above are known to be safe
            }
        }
        return true;
    }
}
