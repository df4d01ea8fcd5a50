package org.healthguides.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes JSON text from plain Java values: {@code Map} (keys in iteration order), {@code List}, {@code String},
 * whole and decimal numbers, {@code Boolean} and {@code null}. Enough for the report; no library needed.
 */
public final class Json {
    private Json() {
    }

    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out, 0);
        return out.append('\n').toString();
    }

    private static void write(Object value, StringBuilder out, int depth) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String text) {
            string(text, out);
        } else if (value instanceof Boolean flag) {
            out.append(flag);
        } else if (value instanceof Integer || value instanceof Long) {
            out.append(value);
        } else if (value instanceof Double number) {
            if (!Double.isFinite(number)) {
                throw new IllegalArgumentException("JSON has no value for " + number);
            }
            out.append(number == Math.rint(number) && Math.abs(number) < 1e15
                    ? String.valueOf(number.longValue()) : String.format(Locale.ROOT, "%s", number));
        } else if (value instanceof Map<?, ?> map) {
            container('{', '}', map.entrySet().stream().toList(), out, depth, (entry, o) -> {
                Map.Entry<?, ?> e = (Map.Entry<?, ?>) entry;
                string(String.valueOf(e.getKey()), o);
                o.append(": ");
                write(e.getValue(), o, depth + 1);
            });
        } else if (value instanceof List<?> list) {
            container('[', ']', List.copyOf(list), out, depth, (item, o) -> write(item, o, depth + 1));
        } else {
            throw new IllegalArgumentException("cannot write " + value.getClass().getSimpleName() + " as JSON");
        }
    }

    private interface Member {
        void write(Object item, StringBuilder out);
    }

    private static void container(char open, char close, List<?> items, StringBuilder out, int depth, Member member) {
        out.append(open);
        if (items.isEmpty()) {
            out.append(close);
            return;
        }
        String indent = "  ".repeat(depth + 1);
        for (int i = 0; i < items.size(); i++) {
            out.append(i == 0 ? "\n" : ",\n").append(indent);
            member.write(items.get(i), out);
        }
        out.append('\n').append("  ".repeat(depth)).append(close);
    }

    private static void string(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    // Control characters must be escaped; U+2028/9 too, so the text is also valid JavaScript.
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
