package org.healthguides.content;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;

/**
 * A quick look that can only clear an SVG image, never refuse one: whether it is written in a plain subset of XML
 * (printable ASCII; an optional XML declaration, then elements with quoted attributes and text; no comments, CDATA,
 * DOCTYPE, processing instructions or character references) and, read that way, has nothing {@link SafeSvg} looks for. An
 * image outside that subset, or with anything doubtful in it, gets SafeSvg's full check through jsoup's XML parser,
 * which also writes every message. A cold build's favicon (plain drawings are written this way) is then checked without
 * starting jsoup's XML tokeniser and entity tables: 10-15 ms of CPU for a 175-byte file (docs/performance.md).
 * Within the subset every '<' opens or closes a tag and no value or text is decoded, so what is read here is what
 * jsoup and a browser read; anything this class cannot be sure of is left to the full check.
 */
final class PlainSvg {
    /** Deeper drawings are left to the full check. */
    private static final int MAX_DEPTH = 64;

    private PlainSvg() {
    }

    /** True only when the image is in the plain subset and shows none of what SafeSvg refuses; false means "check it fully". */
    static boolean isPlainlySafe(String svg) {
        // Printable ASCII and the three line characters only: jsoup's tokeniser turns NUL into U+FFFD, which the value
        // checks read differently (found by PlainSvgTest's edits), and nothing else outside ASCII is needed to be sure.
        for (int i = 0; i < svg.length(); i++) {
            char c = svg.charAt(i);
            if ((c < 0x20 || c > 0x7e) && c != '\t' && c != '\n' && c != '\r') {
                return false;
            }
        }
        Reader in = new Reader(svg);
        in.skipSpace();
        if (in.startsWith("<?xml") && in.isSpaceAt(in.at + 5)) {
            in.at += 5;
            if (!in.attributes(null) || !in.startsWith("?>")) {
                return false;
            }
            in.at += 2;
            in.skipSpace();
        }
        ArrayDeque<String> open = new ArrayDeque<>();
        boolean root = false;
        while (true) {
            if (open.isEmpty() && root) {
                in.skipSpace();
                return in.at == svg.length();
            }
            if (!open.isEmpty()) {
                // Text up to the next tag: anything but a character reference.
                while (in.at < svg.length() && svg.charAt(in.at) != '<') {
                    if (svg.charAt(in.at) == '&') {
                        return false;
                    }
                    in.at++;
                }
            }
            if (!in.startsWith("<")) {
                return false; // text outside the root, or the end before every element is closed
            }
            in.at++;
            if (in.startsWith("/")) {
                in.at++;
                String name = in.name();
                in.skipSpace();
                if (name == null || open.isEmpty() || !open.pop().equals(name) || !in.startsWith(">")) {
                    return false;
                }
                in.at++;
                continue;
            }
            String name = in.name();
            if (name == null || !isPlainElement(name)) {
                return false; // also "<!" and "<?": comments, CDATA, DOCTYPE, instructions
            }
            root = true;
            Set<String> seen = new HashSet<>();
            if (!in.attributes(seen)) {
                return false;
            }
            if (in.startsWith("/>")) {
                in.at += 2;
            } else if (in.startsWith(">")) {
                in.at++;
                if (open.size() == MAX_DEPTH) {
                    return false;
                }
                open.push(name);
            } else {
                return false;
            }
        }
    }

    /** Not one SafeSvg forbids, nor one whose content it reads (style) or that animates attributes (set, animate…). */
    private static boolean isPlainElement(String name) {
        String local = SafeSvg.localName(name);
        return !SafeSvg.FORBIDDEN_ELEMENTS.contains(local) && !local.equals("style") && !local.equals("set") && !local.startsWith("animate");
    }

    private static final class Reader {
        private final String text;
        private int at;

        Reader(String text) {
            this.text = text;
        }

        boolean startsWith(String prefix) {
            return text.startsWith(prefix, at);
        }

        boolean isSpaceAt(int index) {
            if (index >= text.length()) {
                return false;
            }
            char c = text.charAt(index);
            return c == ' ' || c == '\t' || c == '\n' || c == '\r';
        }

        void skipSpace() {
            while (isSpaceAt(at)) {
                at++;
            }
        }

        /** An XML name in ASCII letters, digits and "_.:-", starting with a letter or "_"; null when there is none. */
        String name() {
            int start = at;
            while (at < text.length()) {
                char c = text.charAt(at);
                boolean letter = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
                boolean more = c >= '0' && c <= '9' || c == '.' || c == ':' || c == '-';
                if (!(letter || at > start && more)) {
                    break;
                }
                at++;
            }
            return at > start ? text.substring(start, at) : null;
        }

        /**
         * Attributes, each after space, name="value" or name='value' with no '<' or '&' in the value, up to what
         * follows them; with {@code seen}, each must be new and pass SafeSvg's checks. False when any is not so.
         */
        boolean attributes(Set<String> seen) {
            while (true) {
                int before = at;
                skipSpace();
                if (at == before || !(at < text.length() && Character.isLetter(text.charAt(at)) || startsWith("_"))) {
                    return true; // what follows is checked by the caller
                }
                String name = name();
                skipSpace();
                if (name == null || !startsWith("=")) {
                    return false;
                }
                at++;
                skipSpace();
                if (!startsWith("\"") && !startsWith("'")) {
                    return false;
                }
                char quote = text.charAt(at++);
                int end = text.indexOf(quote, at);
                if (end < 0) {
                    return false;
                }
                String value = text.substring(at, end);
                at = end + 1;
                if (value.indexOf('<') >= 0 || value.indexOf('&') >= 0) {
                    return false;
                }
                if (seen != null && (!seen.add(name) || !SafeSvg.isPlainAttribute(name, value))) {
                    return false;
                }
            }
        }
    }
}
