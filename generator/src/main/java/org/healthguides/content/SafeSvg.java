package org.healthguides.content;

import java.util.Locale;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * Whether an SVG image is safe to publish as it is. An SVG opened on its own (or in an object or iframe) is a
 * document that runs its scripts, so it may hold no script, no event handler, no HTML (foreignObject), no
 * {@code javascript:} address and no reference to another file; a drawing never needs them. Unsafe images are
 * refused rather than cleaned, so what is published is exactly what the editor saw.
 */
public final class SafeSvg {
    static final Set<String> FORBIDDEN_ELEMENTS = Set.of("script", "foreignobject", "iframe", "embed", "object", "handler",
            "listener", "audio", "video", "base", "meta", "link");

    private SafeSvg() {
    }

    /** The first unsafe part of the image, described for an error message, or null when it is safe. */
    public static String unsafePart(String svg) {
        return PlainSvg.isPlainlySafe(svg) ? null : unsafePartParsed(svg);
    }

    /** As {@link #unsafePart}, always through jsoup's XML parser: the check that refuses, and says why. */
    static String unsafePartParsed(String svg) {
        String lower = svg.toLowerCase(Locale.ROOT);
        if (lower.contains("<!entity")) {
            return "it declares XML entities";
        }
        if (lower.contains("<?xml-stylesheet")) {
            return "it loads a stylesheet from another file";
        }
        Document document = Jsoup.parse(svg, "", Parser.xmlParser());
        for (Element element : document.getAllElements()) {
            String tag = localName(element.tagName());
            if (FORBIDDEN_ELEMENTS.contains(tag)) {
                return "it contains <" + element.tagName() + ">";
            }
            if (tag.equals("style")) {
                String problem = unsafeValue(element.data() + element.text());
                if (problem != null) {
                    return "its <style> " + problem;
                }
            }
            if ((tag.equals("set") || tag.startsWith("animate")) && localName(element.attr("attributeName")).endsWith("href")) {
                return "it animates a link (<" + element.tagName() + " attributeName=\"" + element.attr("attributeName") + "\">)";
            }
            for (Attribute attribute : element.attributes()) {
                String name = localName(attribute.getKey());
                if (name.startsWith("on")) {
                    return "it has an event handler (" + attribute.getKey() + " on <" + element.tagName() + ">)";
                }
                String value = attribute.getValue();
                if ((name.equals("href") || name.equals("src")) && !value.strip().startsWith("#") && !isRasterData(value)) {
                    return "it refers to another file or address (" + attribute.getKey() + "=\"" + value + "\" on <" + element.tagName() + ">)";
                }
                String problem = unsafeValue(value);
                if (problem != null) {
                    return "its " + attribute.getKey() + " on <" + element.tagName() + "> " + problem;
                }
            }
        }
        return null;
    }

    /**
     * Whether an attribute passes the checks below without a word to say: no event handler, no href or src (even
     * to "#id", which the full check allows), no unsafe value. For {@link PlainSvg}, which leaves the rest to them.
     */
    static boolean isPlainAttribute(String name, String value) {
        String local = localName(name);
        return !local.startsWith("on") && !local.equals("href") && !local.equals("src") && unsafeValue(value) == null;
    }

    /** A CSS or attribute value that runs script or loads another file, described; null when it does neither. */
    private static String unsafeValue(String value) {
        if (value.indexOf('\\') >= 0) {
            // CSS escapes (\75 rl for url) would hide a reference from the checks below; drawings do not need them.
            return "uses backslash escapes";
        }
        String compact = value.toLowerCase(Locale.ROOT).replaceAll("[\\s\\x00-\\x1f\\\\]", "");
        if (compact.contains("javascript:") || compact.contains("vbscript:") || compact.contains("data:text/html")) {
            return "holds a script address";
        }
        if (compact.contains("@import") || compact.contains("expression(")) {
            return "loads or runs something (" + (compact.contains("@import") ? "@import" : "expression(") + ")";
        }
        int url = compact.indexOf("url(");
        while (url >= 0) {
            String rest = compact.substring(url + 4).replaceFirst("^['\"]", "");
            if (!rest.startsWith("#") && !isRasterData(rest)) {
                return "refers to another file (url(…))";
            }
            url = compact.indexOf("url(", url + 4);
        }
        return null;
    }

    private static boolean isRasterData(String value) {
        return value.strip().toLowerCase(Locale.ROOT).matches("^data:image/(png|jpeg|gif|webp)[;,].*");
    }

    static String localName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        int colon = lower.indexOf(':');
        return colon < 0 ? lower : lower.substring(colon + 1);
    }
}
