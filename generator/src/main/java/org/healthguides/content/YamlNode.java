package org.healthguides.content;

import java.util.List;
import java.util.Map;

/**
 * A YAML value with the place it was written, so that a wrong value can be reported at its line.
 *
 * @param value  a {@code String} for scalars (types are interpreted by the reader), a {@code List<YamlNode>}
 *               or a {@code Map<String, YamlNode>}; null for an empty value
 * @param line   1-based line in the source file
 * @param column 1-based column in the source file
 */
public record YamlNode(Object value, int line, int column) {

    public boolean isScalar() {
        return value instanceof String;
    }

    @SuppressWarnings("unchecked")
    public List<YamlNode> asList() {
        return value instanceof List<?> ? (List<YamlNode>) value : List.of();
    }

    @SuppressWarnings("unchecked")
    public Map<String, YamlNode> asMap() {
        return value instanceof Map<?, ?> ? (Map<String, YamlNode>) value : Map.of();
    }

    public String kindName() {
        if (value == null) {
            return "nothing";
        }
        if (value instanceof List<?>) {
            return "a list";
        }
        if (value instanceof Map<?, ?>) {
            return "a set of keys";
        }
        return "'" + value + "'";
    }
}
