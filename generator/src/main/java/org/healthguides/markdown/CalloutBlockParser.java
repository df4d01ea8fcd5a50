package org.healthguides.markdown;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.vladsch.flexmark.ast.util.Parsing;
import com.vladsch.flexmark.ext.admonition.AdmonitionBlock;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.AbstractBlockParser;
import com.vladsch.flexmark.parser.block.AbstractBlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockContinue;
import com.vladsch.flexmark.parser.block.BlockParser;
import com.vladsch.flexmark.parser.block.BlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockStart;
import com.vladsch.flexmark.parser.block.CustomBlockParserFactory;
import com.vladsch.flexmark.parser.block.MatchedBlockParser;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/**
 * Parses warning callouts, {@code !!! urgent "Heading"} and a body indented by four spaces, into Flexmark's
 * {@link AdmonitionBlock} nodes, exactly as the admonition extension does with its default options. It exists
 * for speed: the extension compiles its opening-line pattern on every line that could start a block, which was
 * about 9% of a 10,000-page build's CPU; here the pattern is compiled once and tried only on lines that begin
 * with '!' or '?'.
 */
final class CalloutBlockParser extends AbstractBlockParser {
    private static final int CONTENT_INDENT = 4;
    private static final String OPENING = "^(\\?{3}\\+|\\?{3}|!{3})\\s+(%s)(?:\\s+(%s))?\\s*$";
    /** By the parser's attribute-name and title patterns, which are fixed for a given set of options. */
    private static final Map<String, Pattern> OPENINGS = new ConcurrentHashMap<>();

    private final AdmonitionBlock block = new AdmonitionBlock();
    private boolean hadBlankLine;

    @Override
    public Block getBlock() {
        return block;
    }

    @Override
    public boolean isContainer() {
        return true;
    }

    @Override
    public boolean canContain(ParserState state, BlockParser blockParser, Block block) {
        return true;
    }

    @Override
    public BlockContinue tryContinue(ParserState state) {
        int nonSpace = state.getNextNonSpaceIndex();
        if (state.isBlank()) {
            hadBlankLine = true;
            return BlockContinue.atIndex(nonSpace);
        }
        if (!hadBlankLine) {
            // Lazy continuation, as the extension allows by default: a line right after the body joins it.
            return BlockContinue.atIndex(nonSpace);
        }
        if (state.getIndent() >= CONTENT_INDENT) {
            return BlockContinue.atColumn(state.getColumn() + CONTENT_INDENT);
        }
        return BlockContinue.none();
    }

    @Override
    public void closeBlock(ParserState state) {
        block.setCharsFromContent();
    }

    /** Registers the callout parser in place of the admonition extension's (its node types stay the same). */
    static final class Extension implements Parser.ParserExtension {
        @Override
        public void parserOptions(MutableDataHolder options) {
        }

        @Override
        public void extend(Parser.Builder parserBuilder) {
            parserBuilder.customBlockParserFactory(new Factory());
        }
    }

    private static final class Factory implements CustomBlockParserFactory {
        @Override
        public Set<Class<?>> getAfterDependents() {
            return null;
        }

        @Override
        public Set<Class<?>> getBeforeDependents() {
            return null;
        }

        @Override
        public boolean affectsGlobalScope() {
            return false;
        }

        @Override
        public BlockParserFactory apply(DataHolder options) {
            return new OpeningLine(options);
        }
    }

    private static final class OpeningLine extends AbstractBlockParserFactory {
        OpeningLine(DataHolder options) {
            super(options);
        }

        @Override
        public BlockStart tryStart(ParserState state, MatchedBlockParser matchedBlockParser) {
            Parsing parsing = state.getParsing();
            // With the extension's defaults a callout may interrupt a paragraph, also in a list item, and may be
            // indented by up to three spaces.
            if (state.getIndent() >= parsing.CODE_BLOCK_INDENT) {
                return BlockStart.none();
            }
            int nextNonSpace = state.getNextNonSpaceIndex();
            BasedSequence line = state.getLine();
            char first = nextNonSpace < line.length() ? line.charAt(nextNonSpace) : ' ';
            if (first != '!' && first != '?') {
                return BlockStart.none();
            }
            BasedSequence opening = line.subSequence(nextNonSpace, line.length());
            Matcher matcher = openingOf(parsing).matcher(opening);
            if (!matcher.find()) {
                return BlockStart.none();
            }
            CalloutBlockParser parser = new CalloutBlockParser();
            parser.block.setOpeningMarker(line.subSequence(nextNonSpace + matcher.start(1), nextNonSpace + matcher.end(1)));
            parser.block.setInfo(line.subSequence(nextNonSpace + matcher.start(2), nextNonSpace + matcher.end(2)));
            parser.block.setTitleChars(matcher.group(3) == null ? BasedSequence.NULL
                    : line.subSequence(nextNonSpace + matcher.start(3), nextNonSpace + matcher.end(3)));
            return BlockStart.of(parser).atIndex(line.length());
        }

        private static Pattern openingOf(Parsing parsing) {
            String regex = String.format(OPENING, parsing.ATTRIBUTENAME, parsing.LINK_TITLE_STRING);
            return OPENINGS.computeIfAbsent(regex, Pattern::compile);
        }
    }
}
