package org.healthguides.content;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.healthguides.diagnostics.Code;
import org.healthguides.diagnostics.ContentErrors;
import org.healthguides.diagnostics.Problem;
import org.healthguides.diagnostics.Severity;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.parser.Parser;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * A Markdown file split into its YAML front matter and its body. Front matter known from an earlier build
 * ({@link Store}) is split without the file's text: its body is taken from the text only when asked for, so a file
 * whose rendering is known too is never decoded.
 */
public final class FrontMatter {
    private final Map<String, YamlNode> fields;
    private final int bodyLine;
    private final int bodyStart;
    private final int bodyLength;
    /** The file the body is cut from when first asked for; null once it is. */
    private SourceFile file;
    private String body;

    /**
     * @param fields   the front matter's top-level keys, in the order written
     * @param body     the Markdown after the closing {@code ---}
     * @param bodyLine the 1-based line of the file on which the body starts; Markdown line numbers are offset by it
     */
    public FrontMatter(Map<String, YamlNode> fields, String body, int bodyLine) {
        this.fields = fields;
        this.body = body;
        this.bodyLine = bodyLine;
        this.bodyStart = -1;
        this.bodyLength = body.length();
    }

    private FrontMatter(SourceFile file, Split split) {
        this.fields = split.fields();
        this.file = file;
        this.bodyStart = split.bodyStart();
        this.bodyLength = split.bodyLength();
        this.bodyLine = split.bodyLine();
    }

    /** The front matter's top-level keys, in the order written. */
    public Map<String, YamlNode> fields() {
        return fields;
    }

    /** The Markdown after the closing {@code ---} (cut from the file's text when first asked for). */
    public synchronized String body() {
        if (body == null) {
            String text = file.text();
            body = text.substring(bodyStart, bodyStart + bodyLength);
            file = null;
        }
        return body;
    }

    /** The length of {@link #body()} in characters, known without it. */
    public int bodyLength() {
        return bodyLength;
    }

    /** The 1-based line of the file on which the body starts; Markdown line numbers are offset by it. */
    public int bodyLine() {
        return bodyLine;
    }

    /**
     * How a file's text splits: its front matter's fields, and where the body starts (in characters of the text)
     * and on which line, and how long it is. What a {@link Store} keeps.
     */
    public record Split(Map<String, YamlNode> fields, int bodyStart, int bodyLength, int bodyLine) {
    }

    private static final String FENCE = "---";
    /** Front matter and settings are a few lines; these bounds turn hostile YAML into an error, not a hang or a crash. */
    static final int MAX_CHARACTERS = 64 * 1024;
    static final int MAX_DEPTH = 20;
    /** A belt only: an alias is cheap to compose, and using a list or mapping twice is refused where it is anchored. */
    private static final int MAX_ALIASES = 100;

    /**
     * Front matter parsed by an earlier build, by the file it came from: a build with the cache takes an unchanged
     * file's fields and the place of its body from it instead of parsing its YAML again (a fifth of an edit rebuild
     * at 10,000 pages), or decoding its text. Only front matter that parsed without a problem is kept, so every
     * problem is found again by parsing.
     */
    public interface Store {
        /** Nothing kept: every front matter is parsed. */
        Store NONE = new Store() {
            @Override
            public Split find(SourceFile file) {
                return null;
            }

            @Override
            public void keep(SourceFile file, Split split) {
            }
        };

        /** How an earlier parse of this very file (the same bytes) split it, or null; must not need its text. */
        Split find(SourceFile file);

        /** How this file split, its front matter parsed without a problem. */
        void keep(SourceFile file, Split split);
    }

    /** Splits a Markdown file; a file without front matter is an error because every page needs a title. */
    public static FrontMatter parse(SourceFile file) throws ContentErrors {
        return parse(file, Store.NONE);
    }

    /** {@link #parse(SourceFile)}, with the fields of YAML parsed before taken from {@code known}. */
    public static FrontMatter parse(SourceFile file, Store known) throws ContentErrors {
        Split stored = known.find(file);
        if (stored != null) {
            // The same bytes split without a problem before: the same text splits the same way now.
            known.keep(file, stored);
            return new FrontMatter(file, stored);
        }
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
        known.keep(file, new Split(fields, text.length() - body.length(), body.length(), bodyLine));
        return new FrontMatter(fields, body, bodyLine);
    }

    /**
     * Parses a YAML document whose top level must be a mapping (a settings file or front matter).
     *
     * @param firstLine the file line of the YAML's first line, minus one (1 for front matter after '---')
     */
    public static Map<String, YamlNode> parseYamlMapping(String yaml, String displayPath, int firstLine) throws ContentErrors {
        if (yaml.length() > MAX_CHARACTERS) {
            throw new ContentErrors(Problem.error(Code.YAML_TOO_LARGE, displayPath, firstLine, "the YAML is " + yaml.length() + " characters long; at most "
                    + MAX_CHARACTERS + " are read", "keep front matter and settings to the keys they need"));
        }
        Map<String, YamlNode> flat = flatMapping(yaml, firstLine);
        if (flat != null) {
            return flat;
        }
        return parseWithSnakeyaml(yaml, displayPath, firstLine);
    }

    /**
     * Front matter of only "key: value" lines, each value a plain word run such as a section's title, order and
     * description (10,000 of a 10,000-page build's 12,000 files), read without snakeyaml: its scanner made a mark
     * for every character run and its resolver ran regular expressions on every value, a few per cent of a cold
     * build. It takes only lines whose meaning is plain (a lower-case key at the start of the line, ": ", a value
     * that starts with a letter or digit and holds only letters, digits, spaces and . , ( ) ' ? ! / - + =, no space at
     * its end) and gives what snakeyaml's parse gives for them (FrontMatterTest compares the two); anything else
     * (lists, quotes, comments, ':' or '#' in a value, blank or indented lines, a key given twice, "null") is null,
     * and snakeyaml reads it.
     */
    static Map<String, YamlNode> flatMapping(String yaml, int firstLine) {
        int length = yaml.length();
        if (length == 0) {
            return null;
        }
        Map<String, YamlNode> entries = new LinkedHashMap<>();
        int line = firstLine + 1;
        int at = 0;
        while (at < length) {
            int end = yaml.indexOf('\n', at);
            if (end < 0) {
                end = length;
            }
            int colon = at;
            while (colon < end && isKeyChar(yaml.charAt(colon))) {
                colon++;
            }
            if (colon == at || colon - at > 1000 || !isLowerLetter(yaml.charAt(at)) || colon + 1 >= end || yaml.charAt(colon) != ':' || yaml.charAt(colon + 1) != ' ') {
                return null;
            }
            int value = colon + 1;
            while (value < end && yaml.charAt(value) == ' ') {
                value++;
            }
            if (value == end || !isLetterOrDigit(yaml.charAt(value)) || yaml.charAt(end - 1) == ' ') {
                return null;
            }
            for (int i = value + 1; i < end; i++) {
                if (!isPlainValueChar(yaml.charAt(i))) {
                    return null;
                }
            }
            String text = yaml.substring(value, end);
            if (text.equals("null")) {
                return null;
            }
            if (entries.putIfAbsent(yaml.substring(at, colon), new YamlNode(text, line, 1)) != null) {
                return null; // given twice: snakeyaml's parse reports it
            }
            line++;
            at = end + 1;
        }
        return entries;
    }

    private static boolean isLowerLetter(char c) {
        return c >= 'a' && c <= 'z';
    }

    private static boolean isKeyChar(char c) {
        return isLowerLetter(c) || c >= '0' && c <= '9' || c == '_';
    }

    private static boolean isLetterOrDigit(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }

    private static boolean isPlainValueChar(char c) {
        return isLetterOrDigit(c) || c == ' ' || c == '.' || c == ',' || c == '(' || c == ')' || c == '\'' || c == '?' || c == '!'
                || c == '/' || c == '-' || c == '+' || c == '=';
    }

    /** The YAML parsed by snakeyaml, with every problem it or the conversion finds. */
    static Map<String, YamlNode> parseWithSnakeyaml(String yaml, String displayPath, int firstLine) throws ContentErrors {
        Optional<Node> root;
        try {
            LoadSettings settings = LoadSettings.builder().setLabel(displayPath).setCodePointLimit(MAX_CHARACTERS * 2)
                    .setMaxAliasesForCollections(MAX_ALIASES).setAllowRecursiveKeys(false).build();
            // The composer recurses once per level of nesting; the parser in front of it stops at MAX_DEPTH.
            root = new Composer(settings, new DepthLimit(new ParserImpl(settings, new StreamReader(settings, yaml)))).getSingleNode();
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
        YamlNode converted = convert(root.get(), displayPath, firstLine, problems, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
        if (!(converted.value() instanceof Map<?, ?>)) {
            problems.add(Problem.error(Code.INVALID_YAML, displayPath, converted.line(), "expected 'key: value' lines, found " + converted.kindName(),
                    "write one 'key: value' per line"));
        }
        if (!problems.isEmpty()) {
            throw new ContentErrors(problems);
        }
        return converted.asMap();
    }

    /**
     * @param seen every list and mapping converted so far: an alias to one of them ("*x") would be converted again
     *             for every use, which an alias bomb ("billion laughs") turns into minutes, and a recursive alias
     *             into a stack overflow, so a second visit is an error instead
     */
    private static YamlNode convert(Node node, String displayPath, int firstLine, List<Problem> problems, java.util.Set<Node> seen) {
        int line = node.getStartMark().map(m -> m.getLine() + 1 + firstLine).orElse(firstLine);
        int column = node.getStartMark().map(m -> m.getColumn() + 1).orElse(0);
        if (node instanceof ScalarNode scalar) {
            String value = scalar.getValue();
            boolean plainNull = scalar.isPlain() && (value.isEmpty() || value.equals("~") || value.equals("null"));
            return new YamlNode(plainNull ? null : value, line, column);
        }
        if (!seen.add(node)) {
            problems.add(new Problem(Code.YAML_TOO_LARGE, displayPath, line, column, Severity.ERROR,
                    "a YAML alias of a list or mapping (anchored here with '&') is used again", "write the values out in full"));
            return new YamlNode(null, line, column);
        }
        if (node instanceof SequenceNode sequence) {
            List<YamlNode> items = new ArrayList<>();
            for (Node item : sequence.getValue()) {
                items.add(convert(item, displayPath, firstLine, problems, seen));
            }
            return new YamlNode(List.copyOf(items), line, column);
        }
        MappingNode mapping = (MappingNode) node;
        Map<String, YamlNode> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            YamlNode key = convert(tuple.getKeyNode(), displayPath, firstLine, problems, seen);
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
            YamlNode value = convert(tuple.getValueNode(), displayPath, firstLine, problems, seen);
            entries.put(name, new YamlNode(value.value(), key.line(), key.column()));
        }
        return new YamlNode(entries, line, column);
    }

    /** A parser that refuses lists and mappings nested deeper than {@link #MAX_DEPTH}, before the composer recurses into them. */
    private static final class DepthLimit implements Parser {
        private final Parser parser;
        private int depth;

        DepthLimit(Parser parser) {
            this.parser = parser;
        }

        @Override
        public boolean checkEvent(Event.ID id) {
            return parser.checkEvent(id);
        }

        @Override
        public Event peekEvent() {
            return parser.peekEvent();
        }

        @Override
        public boolean hasNext() {
            return parser.hasNext();
        }

        @Override
        public Event next() {
            Event event = parser.next();
            Event.ID id = event.getEventId();
            if (id == Event.ID.SequenceStart || id == Event.ID.MappingStart) {
                if (++depth > MAX_DEPTH) {
                    throw new TooDeep(event.getStartMark());
                }
            } else if (id == Event.ID.SequenceEnd || id == Event.ID.MappingEnd) {
                depth--;
            }
            return event;
        }
    }

    private static final class TooDeep extends MarkedYamlEngineException {
        private static final long serialVersionUID = 1L;

        TooDeep(Optional<Mark> mark) {
            super("", Optional.empty(), "lists and mappings are nested more than " + MAX_DEPTH + " levels deep", mark);
        }
    }

    /** The start of the line that closes the front matter ('---' or '...', trailing blanks allowed), or -1. */
    private static int findClosingFence(String text) {
        int from = FENCE.length() + 1;
        while (from <= text.length()) {
            int end = text.indexOf('\n', from);
            // Compared in place, as line.stripTrailing() would: no copy of every front-matter line of every file.
            int stop = end < 0 ? text.length() : end;
            while (stop > from && Character.isWhitespace(text.charAt(stop - 1))) {
                stop--;
            }
            if (stop - from == FENCE.length() && (text.startsWith(FENCE, from) || text.startsWith("...", from))) {
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
