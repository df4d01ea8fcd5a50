package org.healthguides.content;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.healthguides.diagnostics.Code;
import org.healthguides.diagnostics.Problem;
import org.healthguides.diagnostics.Suggestions;

/**
 * Reads typed values out of YAML keys, collecting a problem for every missing, misspelt or mistyped key
 * instead of stopping at the first.
 */
final class FieldReader {
    private final Map<String, YamlNode> fields;
    private final String file;
    private final int fallbackLine;
    private final List<Problem> problems;

    FieldReader(Map<String, YamlNode> fields, String file, int fallbackLine, Set<String> allowedKeys, List<Problem> problems) {
        this.fields = fields;
        this.file = file;
        this.fallbackLine = fallbackLine;
        this.problems = problems;
        for (Map.Entry<String, YamlNode> field : fields.entrySet()) {
            if (!allowedKeys.contains(field.getKey())) {
                problems.add(Problem.error(Code.UNKNOWN_KEY, file, field.getValue().line(), "unknown key '" + field.getKey() + "'",
                        Suggestions.didYouMean(field.getKey(), allowedKeys)).atColumn(field.getValue().column()));
            }
        }
    }

    String requiredText(String key, String why) {
        YamlNode node = fields.get(key);
        if (node == null || node.value() == null) {
            problems.add(Problem.error(Code.MISSING_KEY, file, node == null ? fallbackLine : node.line(), "missing '" + key + "'",
                    "add '" + key + ": …' (" + why + ")"));
            return "";
        }
        return text(key, "");
    }

    String text(String key, String fallback) {
        YamlNode node = fields.get(key);
        if (node == null || node.value() == null) {
            return fallback;
        }
        if (!node.isScalar()) {
            problems.add(Problem.error(Code.WRONG_TYPE, file, node.line(), "'" + key + "' must be text, found " + node.kindName(),
                    "write '" + key + ": some text' on one line").atColumn(node.column()));
            return fallback;
        }
        return ((String) node.value()).strip();
    }

    Integer integer(String key, boolean required) {
        YamlNode node = fields.get(key);
        if (node == null || node.value() == null) {
            if (required) {
                problems.add(Problem.error(Code.MISSING_KEY, file, node == null ? fallbackLine : node.line(), "missing '" + key + "'",
                        "add '" + key + ": 1' (a whole number)"));
            }
            return null;
        }
        if (node.isScalar()) {
            try {
                return Integer.parseInt(((String) node.value()).strip());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        problems.add(Problem.error(Code.WRONG_TYPE, file, node.line(), "'" + key + "' must be a whole number, found " + node.kindName(),
                "write digits, for example '" + key + ": 2'").atColumn(node.column()));
        return null;
    }

    /** true or false (YAML's spellings of them); the fallback when the key is absent. */
    boolean yesNo(String key, boolean fallback) {
        YamlNode node = fields.get(key);
        if (node == null || node.value() == null) {
            return fallback;
        }
        if (node.isScalar()) {
            String value = ((String) node.value()).strip();
            if (value.equals("true")) {
                return true;
            }
            if (value.equals("false")) {
                return false;
            }
        }
        problems.add(Problem.error(Code.WRONG_TYPE, file, node.line(), "'" + key + "' must be true or false, found " + node.kindName(),
                "write '" + key + ": true' or '" + key + ": false'"));
        return fallback;
    }

    Double decimal(String key) {
        YamlNode node = fields.get(key);
        if (node == null || node.value() == null) {
            return null;
        }
        if (node.isScalar()) {
            try {
                double value = Double.parseDouble(((String) node.value()).strip());
                if (Double.isFinite(value)) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        problems.add(Problem.error(Code.WRONG_TYPE, file, node.line(), "'" + key + "' must be a number, found " + node.kindName(),
                "write digits, for example '" + key + ": 8'").atColumn(node.column()));
        return null;
    }

    LocalDate date(String key) {
        YamlNode node = fields.get(key);
        if (node == null || node.value() == null) {
            return null;
        }
        if (node.isScalar()) {
            try {
                return IsoDate.parse(((String) node.value()).strip());
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        problems.add(Problem.error(Code.WRONG_TYPE, file, node.line(), "'" + key + "' must be a date, found " + node.kindName(),
                "write it as YYYY-MM-DD, for example '" + key + ": 2026-11-24'").atColumn(node.column()));
        return null;
    }

    /** A list of words or phrases: a YAML list, or one line with commas between them ("sciatica, slipped disc"). */
    List<String> phraseList(String key) {
        return textList(key).stream()
                .flatMap(item -> java.util.Arrays.stream(item.split(",")))
                .map(String::strip)
                .filter(phrase -> !phrase.isEmpty())
                .distinct()
                .toList();
    }

    List<String> textList(String key) {
        YamlNode node = fields.get(key);
        if (node == null || node.value() == null) {
            return List.of();
        }
        if (node.isScalar()) {
            return List.of(((String) node.value()).strip());
        }
        List<String> values = new ArrayList<>();
        for (YamlNode item : node.asList()) {
            if (item.isScalar()) {
                values.add(((String) item.value()).strip());
            } else {
                problems.add(Problem.error(Code.WRONG_TYPE, file, item.line() == 0 ? node.line() : item.line(),
                        "each item of '" + key + "' must be text, found " + item.kindName(), "write '- some text'"));
            }
        }
        if (!(node.value() instanceof List<?>)) {
            problems.add(Problem.error(Code.WRONG_TYPE, file, node.line(), "'" + key + "' must be a list, found " + node.kindName(),
                    "write '" + key + ": [a, b]' or one '- item' per line").atColumn(node.column()));
        }
        return List.copyOf(values);
    }

    /** true or false; absent is false. */
    boolean bool(String key) {
        YamlNode node = fields.get(key);
        if (node == null || node.value() == null) {
            return false;
        }
        if (node.isScalar()) {
            String value = ((String) node.value()).strip();
            if (value.equals("true") || value.equals("false")) {
                return value.equals("true");
            }
        }
        problems.add(Problem.error(Code.NOT_TRUE_OR_FALSE, file, node.line(), "'" + key + "' must be true or false, found " + node.kindName()
                        + (node.isScalar() ? " '" + ((String) node.value()).strip() + "'" : ""),
                "write '" + key + ": true' or leave the line out"));
        return false;
    }

    /** One mapping, e.g. reviewed_by: { name: …, role: … }, read with its own reader; null when absent or not a mapping. */
    FieldReader mapping(String key, Set<String> itemKeys, String example) {
        YamlNode node = fields.get(key);
        if (node == null || node.value() == null) {
            return null;
        }
        if (!(node.value() instanceof Map<?, ?>)) {
            problems.add(Problem.error(Code.NOT_A_SET_OF_KEYS, file, node.line(), "'" + key + "' must be a set of keys, found " + node.kindName(),
                    "write '" + key + ": " + example + "'"));
            return null;
        }
        return new FieldReader(node.asMap(), file, node.line(), itemKeys, problems);
    }

    /** A list of old addresses ('aliases: [a/, /b/]'), each with its own line. */
    List<Alias> aliases(String key) {
        YamlNode node = fields.get(key);
        if (node == null || node.value() == null) {
            return List.of();
        }
        if (node.isScalar()) {
            return List.of(new Alias(((String) node.value()).strip(), node.line()));
        }
        List<Alias> aliases = new ArrayList<>();
        for (String text : textList(key)) {
            aliases.add(new Alias(text, node.line()));
        }
        List<YamlNode> items = node.value() instanceof List<?> ? node.asList() : List.of();
        for (int i = 0; i < aliases.size() && i < items.size(); i++) {
            if (items.get(i).line() > 0) {
                aliases.set(i, new Alias(aliases.get(i).address(), items.get(i).line()));
            }
        }
        return List.copyOf(aliases);
    }

    /** A list of mappings, e.g. required_warnings; each item is read with its own reader. */
    List<FieldReader> mappingList(String key, Set<String> itemKeys) {
        YamlNode node = fields.get(key);
        if (node == null || node.value() == null) {
            return List.of();
        }
        if (!(node.value() instanceof List<?>)) {
            problems.add(Problem.error(Code.WRONG_TYPE, file, node.line(), "'" + key + "' must be a list, found " + node.kindName(),
                    "write one '- name: …' block per item").atColumn(node.column()));
            return List.of();
        }
        List<FieldReader> readers = new ArrayList<>();
        for (YamlNode item : node.asList()) {
            if (item.value() instanceof Map<?, ?>) {
                readers.add(new FieldReader(item.asMap(), file, item.line(), itemKeys, problems));
            } else {
                problems.add(Problem.error(Code.WRONG_TYPE, file, item.line(), "each item of '" + key + "' must be a set of keys, found " + item.kindName(),
                        "write '- name: …' followed by the other keys, indented"));
            }
        }
        return readers;
    }

    /** A mapping of named entries, e.g. warning_kinds; each value is read with its own reader. */
    Map<String, FieldReader> namedMappings(String key, Set<String> itemKeys) {
        YamlNode node = fields.get(key);
        if (node == null || node.value() == null) {
            return Map.of();
        }
        if (!(node.value() instanceof Map<?, ?>)) {
            problems.add(Problem.error(Code.WRONG_TYPE, file, node.line(), "'" + key + "' must be a set of named entries, found " + node.kindName(),
                    "write one 'name: { … }' per entry").atColumn(node.column()));
            return Map.of();
        }
        Map<String, FieldReader> readers = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, YamlNode> entry : node.asMap().entrySet()) {
            YamlNode value = entry.getValue();
            Map<String, YamlNode> entryFields = value.value() instanceof Map<?, ?> ? value.asMap() : Map.of();
            if (!(value.value() instanceof Map<?, ?>)) {
                problems.add(Problem.error(Code.WRONG_TYPE, file, value.line(), "'" + entry.getKey() + "' must be a set of keys, found " + value.kindName(),
                        "write '" + entry.getKey() + ": { label: …, heading: … }'").atColumn(value.column()));
            }
            readers.put(entry.getKey(), new FieldReader(entryFields, file, value.line(), itemKeys, problems));
        }
        return readers;
    }

    boolean has(String key) {
        return fields.containsKey(key);
    }

    /** The value of a key that may be a mapping of lists ("mentions: { en-GB: [...], cy: [...] }"), as YAML nodes. */
    YamlNode node(String key) {
        return fields.get(key);
    }

    int line(String key) {
        YamlNode node = fields.get(key);
        return node == null ? fallbackLine : node.line();
    }

    int fallbackLine() {
        return fallbackLine;
    }
}
