package org.healthguides.render;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes maps (keys in iteration order), lists, strings, whole and decimal numbers, booleans and nulls as JSON
 * text: {@link #of} compact, for pages; {@link #pretty} indented, for people and tools reading a report.
 * The text is also safe inside an HTML {@code <script>} element as it is: '<', '>' and '&' are written as \\u
 * escapes, so neither {@code </script>} nor {@code <!--} can appear in it, and U+2028/U+2029 are escaped for
 * old JavaScript parsers.
 */
public final class JsonText {
    private static final String INDENT = "  ";

    private JsonText() {
    }

    /** Compact JSON, on one line. */
    public static String of(Object value) {
        StringBuilder out = new StringBuilder(512);
        write(value, out, -1);
        return out.toString();
    }

    /** Indented JSON (two spaces a level) ending with a newline. */
    public static String pretty(Object value) {
        StringBuilder out = new StringBuilder(1024);
        write(value, out, 0);
        return out.append('\n').toString();
    }

    /** @param depth the nesting level when indenting, or -1 for compact output */
    private static void write(Object value, StringBuilder out, int depth) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof CharSequence text) {
            string(text, out);
        } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
            out.append(value);
        } else if (value instanceof Double number) {
            if (!Double.isFinite(number)) {
                throw new IllegalArgumentException("JSON has no value for " + number);
            }
            out.append(number == Math.rint(number) && Math.abs(number) < 1e15
                    ? String.valueOf(number.longValue()) : String.format(Locale.ROOT, "%s", number));
        } else if (value instanceof Map<?, ?> map) {
            container('{', '}', List.copyOf(map.entrySet()), out, depth, (entry, o) -> {
                Map.Entry<?, ?> member = (Map.Entry<?, ?>) entry;
                string(String.valueOf(member.getKey()), o);
                o.append(depth < 0 ? ":" : ": ");
                write(member.getValue(), o, depth < 0 ? -1 : depth + 1);
            });
        } else if (value instanceof Collection<?> list) {
            container('[', ']', java.util.Arrays.asList(list.toArray()), out, depth,
                    (item, o) -> write(item, o, depth < 0 ? -1 : depth + 1));
        } else {
            throw new IllegalArgumentException("no JSON form for " + value.getClass().getName());
        }
    }

    private interface Member {
        void write(Object item, StringBuilder out);
    }

    private static void container(char open, char close, List<?> items, StringBuilder out, int depth, Member member) {
        out.append(open);
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            if (depth >= 0) {
                out.append('\n').append(INDENT.repeat(depth + 1));
            }
            member.write(items.get(i), out);
        }
        if (depth >= 0 && !items.isEmpty()) {
            out.append('\n').append(INDENT.repeat(depth));
        }
        out.append(close);
    }

    private static void string(CharSequence sequence, StringBuilder out) {
        // Runs of characters that need no escape are appended whole: a call of the builder per character, and of the
        // sequence's charAt through its interface, was most of the time of every page's JSON-LD under C1.
        String text = sequence.toString();
        out.append('"');
        int from = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            // Letters (above '>') pass in four comparisons.
            if (c > '>' ? c != '\\' && c != '\u2028' && c != '\u2029' : c >= 0x20 && c != '"' && c != '<' && c != '&' && c != '>') {
                continue;
            }
            out.append(text, from, i);
            from = i + 1;
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            }
        }
        out.append(text, from, text.length());
        out.append('"');
    }
}
