package org.healthguides.content;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.healthguides.diagnostics.ContentErrors;
import org.healthguides.diagnostics.Code;
import org.healthguides.diagnostics.Problem;
import org.healthguides.diagnostics.Severity;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * A Markdown file split into its YAML front matter and its body.
 *
 * @param fields   the front matter's top-level keys, in the order written
 * @param body     the Markdown after the closing {@code ---}
 * @param bodyLine the 1-based line of the file on which the body starts; Markdown line numbers are offset by it
 */
public record FrontMatter(Map<String, YamlNode> fields, String body, int bodyLine) {

    private static final String FENCE = "---";

    /** Splits a Markdown file; a file without front matter is an error because every page needs a title. */
    public static FrontMatter parse(SourceFile file) throws ContentErrors {
        String text = file.text();
        if (text.isBlank()) {
            throw new ContentErrors(Problem.error(Code.FILE_EMPTY, file.displayPath(), 1, "file is empty",
                    "add front matter with a title (see docs/writing.md) or delete the file"));
        }
        if (!text.startsWith(FENCE + "\n")) {
            throw new ContentErrors(Problem.error(Code.NO_FRONT_MATTER, file.displayPath(), 1, "file does not start with front matter",
                    "put a line '---', then 'title: …', then a closing '---' at the top of the file"));
        }
        int closing = findClosingFence(text);
        if (closing < 0) {
            throw new ContentErrors(Problem.error(Code.FRONT_MATTER_NOT_CLOSED, file.displayPath(), 1, "front matter is not closed",
                    "add a line '---' after the last front-matter key"));
        }
        String yaml = text.substring(FENCE.length() + 1, closing);
        int afterFence = text.indexOf('\n', closing + 1);
        String body = afterFence < 0 ? "" : text.substring(afterFence + 1);
        int bodyLine = countLines(text, afterFence < 0 ? text.length() : afterFence + 1) + 1;
        Map<String, YamlNode> fields = parseYamlMapping(yaml, file.displayPath(), 1);
        return new FrontMatter(fields, body, bodyLine);
    }

    /**
     * Parses a YAML document whose top level must be a mapping (a settings file or front matter).
     *
     * @param firstLine the file line of the YAML's first line, minus one (1 for front matter after '---')
     */
    public static Map<String, YamlNode> parseYamlMapping(String yaml, String displayPath, int firstLine) throws ContentErrors {
        Optional<Node> root;
        try {
            root = new Compose(LoadSettings.builder().setLabel(displayPath).build()).composeString(yaml);
        } catch (MarkedYamlEngineException e) {
            // A quoted value that is never closed runs to the end of the front matter, where the parser notices;
            // the editor needs the opening quote, which is the error's context mark.
            boolean unclosedQuote = e.getContext() != null && e.getContext().contains("quoted scalar") && e.getContextMark().isPresent();
            Mark mark = unclosedQuote ? e.getContextMark().get() : e.getProblemMark().or(e::getContextMark).orElse(null);
            int line = mark == null ? firstLine : mark.getLine() + 1 + firstLine;
            int column = mark == null ? 0 : mark.getColumn() + 1;
            String what = unclosedQuote ? "this quoted value is never closed"
                    : e.getProblem() == null ? "invalid YAML" : e.getProblem();
            String fix = unclosedQuote ? "add the closing quote at the end of the value, on the same line"
                    : "check the indentation and quote values that contain ':' or '#'";
            throw new ContentErrors(new Problem(Code.INVALID_YAML, displayPath, line, column, Severity.ERROR, "invalid YAML: " + what, fix));
        } catch (YamlEngineException e) {
            throw new ContentErrors(Problem.error(Code.INVALID_YAML, displayPath, firstLine, "invalid YAML: " + e.getMessage(),
                    "check the indentation and quote values that contain ':' or '#'"));
        }
        if (root.isEmpty()) {
            return Map.of();
        }
        List<Problem> problems = new ArrayList<>();
        YamlNode converted = convert(root.get(), displayPath, firstLine, problems);
        if (!(converted.value() instanceof Map<?, ?>)) {
            problems.add(Problem.error(Code.INVALID_YAML, displayPath, converted.line(), "expected 'key: value' lines, found " + converted.kindName(),
                    "write one 'key: value' per line"));
        }
        if (!problems.isEmpty()) {
            throw new ContentErrors(problems);
        }
        return converted.asMap();
    }

    private static YamlNode convert(Node node, String displayPath, int firstLine, List<Problem> problems) {
        int line = node.getStartMark().map(m -> m.getLine() + 1 + firstLine).orElse(firstLine);
        int column = node.getStartMark().map(m -> m.getColumn() + 1).orElse(0);
        if (node instanceof ScalarNode scalar) {
            String value = scalar.getValue();
            boolean plainNull = scalar.isPlain() && (value.isEmpty() || value.equals("~") || value.equals("null"));
            return new YamlNode(plainNull ? null : value, line, column);
        }
        if (node instanceof SequenceNode sequence) {
            List<YamlNode> items = new ArrayList<>();
            for (Node item : sequence.getValue()) {
                items.add(convert(item, displayPath, firstLine, problems));
            }
            return new YamlNode(List.copyOf(items), line, column);
        }
        MappingNode mapping = (MappingNode) node;
        Map<String, YamlNode> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            YamlNode key = convert(tuple.getKeyNode(), displayPath, firstLine, problems);
            if (!key.isScalar()) {
                problems.add(Problem.error(Code.INVALID_YAML, displayPath, key.line(), "a key must be a plain word", "write 'key: value'"));
                continue;
            }
            String name = (String) key.value();
            if (entries.containsKey(name)) {
                problems.add(new Problem(Code.DUPLICATE_KEY, displayPath, key.line(), key.column(), Severity.ERROR,
                        "key '" + name + "' is given twice (first on line " + entries.get(name).line() + ")", "keep one of them"));
                continue;
            }
            YamlNode value = convert(tuple.getValueNode(), displayPath, firstLine, problems);
            entries.put(name, new YamlNode(value.value(), key.line(), key.column()));
        }
        return new YamlNode(entries, line, column);
    }

    private static int findClosingFence(String text) {
        int from = FENCE.length() + 1;
        while (from <= text.length()) {
            int end = text.indexOf('\n', from);
            String line = end < 0 ? text.substring(from) : text.substring(from, end);
            if (line.stripTrailing().equals(FENCE) || line.stripTrailing().equals("...")) {
                return from;
            }
            if (end < 0) {
                return -1;
            }
            from = end + 1;
        }
        return -1;
    }

    private static int countLines(String text, int upTo) {
        int lines = 0;
        for (int i = 0; i < upTo; i++) {
            if (text.charAt(i) == '\n') {
                lines++;
            }
        }
        return lines;
    }
}
