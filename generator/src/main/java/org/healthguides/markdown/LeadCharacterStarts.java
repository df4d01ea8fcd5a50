package org.healthguides.markdown;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import com.vladsch.flexmark.ext.footnotes.internal.FootnoteBlockParser;
import com.vladsch.flexmark.ext.footnotes.internal.FootnoteLinkRefProcessor;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.BlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockStart;
import com.vladsch.flexmark.parser.block.CustomBlockParserFactory;
import com.vladsch.flexmark.parser.block.MatchedBlockParser;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.parser.core.FencedCodeBlockParser;
import com.vladsch.flexmark.parser.core.HeadingParser;
import com.vladsch.flexmark.parser.core.ListBlockParser;
import com.vladsch.flexmark.parser.core.ThematicBreakParser;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.mappers.SpecialLeadInHandler;

/**
 * Four of Flexmark's block parsers (headings, fenced code, thematic breaks, footnote definitions), each asked about a
 * line only when the line could start its block; Flexmark asks every one of them about the first line of every
 * paragraph and every list item. Each matches regular expressions against the line it is asked about, with
 * {@code find()}, which tries the pattern at every character of the line even though it is anchored at its start
 * ('^'); the headings' parser also builds its patterns for every document. Together that was about 4% of a 10,000-page
 * build's CPU, whose paragraphs are each one line of 300 characters. A line they are not asked about is one none of
 * their patterns can match (the checks below are looser than the patterns), so they would have answered "none" with
 * nothing changed: the tree is the same (LeadCharacterStartsTest compares it, node by node, with Flexmark's own
 * parsers'). Each stands in the place Flexmark's dependency order gives the parser it replaces. The lists' parser has
 * a stand-in too, asked about every line, only so that its block factory is not made anew for every document.
 */
final class LeadCharacterStarts implements Parser.ParserExtension {

    @Override
    public void parserOptions(MutableDataHolder options) {
        // Flexmark's own four core parsers are left out; the stand-ins take their places.
        options.set(Parser.HEADING_PARSER, false);
        options.set(Parser.FENCED_CODE_BLOCK_PARSER, false);
        options.set(Parser.THEMATIC_BREAK_PARSER, false);
        options.set(Parser.LIST_BLOCK_PARSER, false);
    }

    @Override
    public void extend(Parser.Builder parserBuilder) {
        parserBuilder.customBlockParserFactory(new Headings());
        parserBuilder.customBlockParserFactory(new Fences());
        parserBuilder.customBlockParserFactory(new Breaks());
        parserBuilder.customBlockParserFactory(new Lists());
    }

    /**
     * The footnotes extension's parser side, its definitions' parser filtered: what {@code FootnoteExtension} registers
     * with a parser (that block parser and the references' processor), for use in its place in a parser's extensions.
     * The renderer keeps Flexmark's extension.
     */
    static final class FootnoteParsing implements Parser.ParserExtension {
        @Override
        public void parserOptions(MutableDataHolder options) {
        }

        @Override
        public void extend(Parser.Builder parserBuilder) {
            parserBuilder.customBlockParserFactory(new Footnotes());
            parserBuilder.linkRefProcessorFactory(new FootnoteLinkRefProcessor.Factory());
        }
    }

    /** Each replaced factory's class, and the filtered factory that stands for it (for the dependency order). */
    private static final Map<Class<?>, Class<?>> STAND_INS = Map.of(
            HeadingParser.Factory.class, Headings.class,
            FencedCodeBlockParser.Factory.class, Fences.class,
            ThematicBreakParser.Factory.class, Breaks.class,
            ListBlockParser.Factory.class, Lists.class,
            FootnoteBlockParser.Factory.class, Footnotes.class);

    /** An ATX heading starts with '#'; a setext underline is a run of '=' or of '-' with nothing after it but spaces and tabs. */
    static final class Headings extends Filtered {
        Headings() {
            super(new HeadingParser.Factory());
        }

        @Override
        boolean couldStart(BasedSequence line, int first, char lead) {
            return lead == '#' || (lead == '=' || lead == '-') && onlyBlanksAfter(line, run(line, first, lead));
        }
    }

    /** A fence is at least three '`' or three '~'. */
    static final class Fences extends Filtered {
        Fences() {
            super(new FencedCodeBlockParser.Factory());
        }

        @Override
        boolean couldStart(BasedSequence line, int first, char lead) {
            return (lead == '`' || lead == '~') && run(line, first, lead) - first >= 3;
        }
    }

    /** A thematic break is '*', '_' or '-' repeated, with spaces and tabs between, and nothing else. */
    static final class Breaks extends Filtered {
        Breaks() {
            super(new ThematicBreakParser.Factory());
        }

        @Override
        boolean couldStart(BasedSequence line, int first, char lead) {
            if (lead != '*' && lead != '_' && lead != '-') {
                return false;
            }
            for (int i = first + 1; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c != lead && !isBlank(c)) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * Lists are asked about every line, as Flexmark asks them (whether a line starts an item depends on the list it is
     * in); the stand-in only keeps their block factory from one document to the next, whose options Flexmark built
     * anew for every document (1% of a 10,000-page build).
     */
    static final class Lists extends Filtered {
        Lists() {
            super(new ListBlockParser.Factory());
        }

        @Override
        boolean couldStart(BasedSequence line, int first, char lead) {
            return true;
        }
    }

    /** A footnote's definition starts with "[^". */
    static final class Footnotes extends Filtered {
        Footnotes() {
            super(new FootnoteBlockParser.Factory());
        }

        @Override
        boolean couldStart(BasedSequence line, int first, char lead) {
            return lead == '[' && first + 1 < line.length() && line.charAt(first + 1) == '^';
        }
    }

    /** The lead of a blank line: no pattern of the four filtered parsers matches it. */
    static final char NONE = 0;

    /** The end of the run of {@code c} starting at {@code from}. */
    private static int run(BasedSequence line, int from, char c) {
        int i = from;
        while (i < line.length() && line.charAt(i) == c) {
            i++;
        }
        return i;
    }

    private static boolean onlyBlanksAfter(BasedSequence line, int from) {
        for (int i = from; i < line.length(); i++) {
            if (!isBlank(line.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Space, tab, or a line terminator (which a pattern's '$' may stand before). */
    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    /**
     * A factory asked only about lines that {@link #couldStart} its block. Its block factory is made once, not for every
     * document: those of these five keep only their options (which their parsing only reads) and compiled patterns.
     */
    abstract static class Filtered implements CustomBlockParserFactory {
        private final CustomBlockParserFactory core;
        private volatile Filter made;

        Filtered(CustomBlockParserFactory core) {
            this.core = core;
        }

        /**
         * Whether the line's text from {@code first}, its first character that is not a space or tab ({@code lead};
         * {@link #NONE} on a blank line), could start the block; false only where the core factory's patterns cannot match.
         */
        abstract boolean couldStart(BasedSequence line, int first, char lead);

        @Override
        public Set<Class<?>> getAfterDependents() {
            return standIns(core.getAfterDependents());
        }

        @Override
        public Set<Class<?>> getBeforeDependents() {
            return standIns(core.getBeforeDependents());
        }

        private static Set<Class<?>> standIns(Set<Class<?>> classes) {
            if (classes == null) {
                return null;
            }
            Set<Class<?>> named = new HashSet<>();
            for (Class<?> type : classes) {
                named.add(STAND_INS.getOrDefault(type, type));
            }
            return named;
        }

        @Override
        public boolean affectsGlobalScope() {
            return core.affectsGlobalScope();
        }

        @Override
        public SpecialLeadInHandler getLeadInHandler(DataHolder options) {
            return core.getLeadInHandler(options);
        }

        @Override
        public BlockParserFactory apply(DataHolder options) {
            // One parser's documents all get its options (Parser.parse passes its own), so one block factory serves them.
            Filter filter = made;
            if (filter == null || filter.options != options) {
                filter = new Filter(core.apply(options), this, options);
                made = filter;
            }
            return filter;
        }
    }

    private static final class Filter implements BlockParserFactory {
        private final BlockParserFactory core;
        private final Filtered filtered;
        private final DataHolder options;

        Filter(BlockParserFactory core, Filtered filtered, DataHolder options) {
            this.core = core;
            this.filtered = filtered;
            this.options = options;
        }

        @Override
        public BlockStart tryStart(ParserState state, MatchedBlockParser matchedBlockParser) {
            BasedSequence line = state.getLine();
            int first = state.getNextNonSpaceIndex();
            if (!filtered.couldStart(line, first, first < line.length() ? line.charAt(first) : NONE)) {
                return BlockStart.none();
            }
            return core.tryStart(state, matchedBlockParser);
        }
    }
}
