package org.healthguides.content;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Front matter in the few shapes guides write it, read without snakeyaml-engine: building its settings, reader,
 * scanner, parser and composer for each of 12,000 files was a few per cent of a large build. Read are only
 * <ul>
 *   <li>{@code key: value} lines whose values are plain words (letters, digits, single spaces and the marks
 *       {@code . , ' ( ) / ! ? ; & + = - _}, none that YAML gives a meaning: no ':', '#', quotes or brackets, and
 *       nothing at the start but a letter or digit), or {@code key:} with nothing after it;</li>
 *   <li>lists written {@code [a, b, "c"]}: plain words without commas, or double-quoted text without '"' or '\';</li>
 *   <li>under a {@code key:}, a list of sets of keys, each item {@code "  - key: value"} and its other keys
 *       {@code "    key: value"}, values as above.</li>
 * </ul>
 * Anything else (comments, empty lines, other indentation, quotes elsewhere, a key given twice, the key "null")
 * gets null, and snakeyaml-engine reads it and reports every error. What this reads is what snakeyaml-engine reads,
 * lines and columns included (FrontMatterTest compares them on random front matter).
 */
final class PlainYaml {
    private final String yaml;
    private final int firstLine;
    private int lineStart;
    private int lineEnd;
    private int line;

    private PlainYaml(String yaml, int firstLine) {
        this.yaml = yaml;
        this.firstLine = firstLine;
    }

    /**
     * @param firstLine the file line of the YAML's first line, minus one
     * @return the top-level keys in order, or null when the YAML is not in one of the shapes read here
     */
    static Map<String, YamlNode> mapping(String yaml, int firstLine) {
        return new PlainYaml(yaml, firstLine).topLevel();
    }

    private Map<String, YamlNode> topLevel() {
        Map<String, YamlNode> fields = new LinkedHashMap<>();
        if (!firstLine()) {
            return null;
        }
        while (true) {
            int colon = keyEnd(lineStart);
            if (colon < 0) {
                return null;
            }
            String key = yaml.substring(lineStart, colon);
            int keyLine = line;
            Object value;
            if (colon + 1 == lineEnd) {
                // "key:" alone: no value, or a list of sets of keys on the lines below
                value = null;
                if (nextLine() && yaml.startsWith("  - ", lineStart)) {
                    value = listOfMappings();
                    if (value == null) {
                        return null;
                    }
                    if (!put(fields, key, new YamlNode(value, keyLine, 1))) {
                        return null;
                    }
                    if (lineStart >= yaml.length()) {
                        return fields;
                    }
                    continue;
                }
                if (!put(fields, key, new YamlNode(null, keyLine, 1))) {
                    return null;
                }
                if (lineStart >= yaml.length()) {
                    return fields;
                }
                continue;
            }
            value = value(colon + 1, lineStart);
            if (value == NOT_READ || !put(fields, key, new YamlNode(value, keyLine, 1))) {
                return null;
            }
            if (!nextLine()) {
                return fields;
            }
        }
    }

    /** The items "  - key: value" (and "    key: value" lines), from the current line; the current line is then the next one after them. */
    private List<YamlNode> listOfMappings() {
        List<YamlNode> items = new ArrayList<>();
        while (lineStart < yaml.length() && yaml.startsWith("  - ", lineStart)) {
            Map<String, YamlNode> item = new LinkedHashMap<>();
            int itemLine = line;
            int keyStart = lineStart + 4;
            while (true) {
                int colon = keyEnd(keyStart);
                if (colon < 0 || colon + 1 == lineEnd) {
                    return null;
                }
                Object value = value(colon + 1, lineStart);
                if (value == NOT_READ || !put(item, yaml.substring(keyStart, colon), new YamlNode(value, line, keyStart - lineStart + 1))) {
                    return null;
                }
                if (!nextLine() || !yaml.startsWith("    ", lineStart)) {
                    break;
                }
                keyStart = lineStart + 4;
            }
            items.add(new YamlNode(item, itemLine, 5));
        }
        return List.copyOf(items);
    }

    private static final Object NOT_READ = new Object();

    /** The value after the colon at {@code colon - 1}, to the end of the line: text, null, a list, or NOT_READ. */
    private Object value(int afterColon, int start) {
        if (yaml.charAt(afterColon) != ' ' || afterColon + 1 == lineEnd) {
            return NOT_READ;
        }
        int from = afterColon + 1;
        if (yaml.charAt(from) == '[') {
            List<YamlNode> list = list(from, start);
            return list == null ? NOT_READ : list;
        }
        return isPlainValue(from, lineEnd) ? plainScalar(yaml.substring(from, lineEnd)) : NOT_READ;
    }

    /** "[a, b, "c"]" to the end of the line: items separated by a comma and one space, none empty; null for anything else. */
    private List<YamlNode> list(int from, int start) {
        int to = lineEnd;
        if (to - from < 3 || yaml.charAt(to - 1) != ']') {
            return null;
        }
        List<YamlNode> items = new ArrayList<>();
        int itemStart = from + 1;
        while (true) {
            int itemEnd;
            if (yaml.charAt(itemStart) == '"') {
                int quote = yaml.indexOf('"', itemStart + 1);
                if (quote < 0 || quote >= to - 1 || !isQuotedText(itemStart + 1, quote)) {
                    return null;
                }
                itemEnd = quote + 1;
                items.add(new YamlNode(yaml.substring(itemStart + 1, quote), line, itemStart - start + 1));
            } else {
                itemEnd = yaml.indexOf(',', itemStart);
                if (itemEnd < 0 || itemEnd > to - 1) {
                    itemEnd = to - 1;
                }
                if (!isPlainValue(itemStart, itemEnd)) {
                    return null;
                }
                items.add(new YamlNode(plainScalar(yaml.substring(itemStart, itemEnd)), line, itemStart - start + 1));
            }
            if (itemEnd == to - 1) {
                return List.copyOf(items);
            }
            if (!yaml.startsWith(", ", itemEnd) || itemEnd + 2 >= to - 1) {
                return null;
            }
            itemStart = itemEnd + 2;
        }
    }

    private boolean put(Map<String, YamlNode> into, String key, YamlNode value) {
        return !key.equals("null") && into.putIfAbsent(key, value) == null;
    }

    /** Where the key starting at {@code from} ends, at its ':'; -1 when there is no plain key there. */
    private int keyEnd(int from) {
        int at = from;
        while (at < lineEnd && isKeyCharacter(yaml.charAt(at), at == from)) {
            at++;
        }
        return at == from || at == lineEnd || yaml.charAt(at) != ':' ? -1 : at;
    }

    private boolean firstLine() {
        lineStart = 0;
        line = firstLine + 1;
        lineEnd = endOfLine(0);
        return yaml.length() > 0;
    }

    /** Moves to the next line; false at the end of the YAML. */
    private boolean nextLine() {
        lineStart = lineEnd + 1;
        line++;
        if (lineStart >= yaml.length()) {
            lineStart = yaml.length();
            lineEnd = lineStart;
            return false;
        }
        lineEnd = endOfLine(lineStart);
        return true;
    }

    private int endOfLine(int from) {
        int end = yaml.indexOf('\n', from);
        return end < 0 ? yaml.length() : end;
    }

    /** A plain value as the front matter's reader gets it: "null" is no value. */
    private static String plainScalar(String written) {
        return written.equals("null") ? null : written;
    }

    /** A letter or '_' to start a key; then also digits and '-'. */
    private static boolean isKeyCharacter(char c, boolean first) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (!first && ((c >= '0' && c <= '9') || c == '-'));
    }

    /** Whether yaml[from, to) is a value YAML reads as the plain text it is (see the class comment). */
    private boolean isPlainValue(int from, int to) {
        if (from >= to || !isLetterOrDigit(yaml.charAt(from)) || yaml.charAt(to - 1) == ' ') {
            return false;
        }
        for (int i = from + 1; i < to; i++) {
            char c = yaml.charAt(i);
            if (isLetterOrDigit(c) || ".,'()/!?;&+=-_".indexOf(c) >= 0) {
                continue;
            }
            if (c != ' ' || yaml.charAt(i - 1) == ' ') {
                return false;
            }
        }
        return true;
    }

    /** Whether yaml[from, to) can be written between double quotes as it is: printable ASCII without '"' or '\'. */
    private boolean isQuotedText(int from, int to) {
        for (int i = from; i < to; i++) {
            char c = yaml.charAt(i);
            if (c < ' ' || c > '~' || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    private static boolean isLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
