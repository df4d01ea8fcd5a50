package org.healthguides.markdown;

import java.util.Collection;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says what is wrong with a line that starts with {@code !!!} but did not open a care card, so it is reported
 * instead of being published as text: a care card that silently became a paragraph is a warning nobody sees.
 */
final class CalloutOpenings {
    private static final Pattern NO_SPACE = Pattern.compile("^!!!([^!\\s].*)$");
    private static final Pattern TOO_MANY = Pattern.compile("^!!!!+.*$");
    private static final Pattern BARE = Pattern.compile("^!!!\\s*$");
    private static final Pattern NO_KIND = Pattern.compile("^!!!\\s+([\"'].*)$");
    private static final Pattern UNCLOSED = Pattern.compile("^!!!\\s+(\\S+)\\s+\"([^\"]*)$");
    private static final Pattern AFTER_TITLE = Pattern.compile("^!!!\\s+(\\S+)\\s+(\"[^\"]*\")\\s*(\\S.*)$");
    private static final Pattern UNQUOTED = Pattern.compile("^!!!\\s+(\\S+)\\s+([^\"'(\\s].*)$");
    private static final Pattern KIND_ONLY_PUNCTUATED = Pattern.compile("^!!!\\s+(\\S*[^\\w\\s-]\\S*)\\s*(.*)$");

    private CalloutOpenings() {
    }

    /** A problem's message and fix. */
    record Finding(String message, String fix) {
    }

    /**
     * Whether the line starts with "!!!" after white space, read in place: most lines of a page do not, and
     * {@link #diagnose} needs the line as a string (a copy of every line of every paragraph).
     */
    static boolean mayOpen(CharSequence line) {
        int length = line.length();
        int i = 0;
        while (i < length && Character.isWhitespace(line.charAt(i))) {
            i++;
        }
        return i + 3 <= length && line.charAt(i) == '!' && line.charAt(i + 1) == '!' && line.charAt(i + 2) == '!';
    }

    /** What is wrong with this line, when it starts with "!!!" (after up to three spaces); empty for any other line. */
    static Optional<Finding> diagnose(String line, Collection<String> kinds) {
        String text = line.strip();
        if (!text.startsWith("!!!")) {
            return Optional.empty();
        }
        String kindList = String.join(", ", kinds.stream().sorted().toList());
        String opening = "a care card opens with '!!!', a space, its kind (" + kindList + "), a space and its heading in double quotes";
        Matcher m;
        if (TOO_MANY.matcher(text).matches()) {
            return finding("'" + text.replaceAll("^(!+).*$", "$1") + "' is not a care card: use exactly three '!'",
                    "write !!! urgent \"Heading\"");
        }
        if (BARE.matcher(text).matches()) {
            return finding("'!!!' alone does not open a care card: the kind and heading are missing", "write !!! urgent \"Heading\" (" + opening + ")");
        }
        if ((m = NO_SPACE.matcher(text)).matches()) {
            return finding("no space after '!!!', so this line is not a care card", "write '!!! " + m.group(1) + "'");
        }
        if ((m = NO_KIND.matcher(text)).matches()) {
            return finding("care card has a heading but no kind", "write '!!! urgent " + m.group(1) + "' with one of: " + kindList);
        }
        if ((m = UNCLOSED.matcher(text)).matches()) {
            return finding("the heading of care card '!!! " + m.group(1) + "' has no closing double quote",
                    "write '!!! " + m.group(1) + " \"" + m.group(2).strip() + "\"'");
        }
        if ((m = AFTER_TITLE.matcher(text)).matches()) {
            return finding("text after the heading of care card '!!! " + m.group(1) + " " + m.group(2) + "': '" + m.group(3) + "'",
                    "end the line at the closing quote and put the text on the next line, indented by four spaces");
        }
        if ((m = KIND_ONLY_PUNCTUATED.matcher(text)).matches() && !m.group(1).startsWith("\"")) {
            return finding("'" + m.group(1) + "' is not a care card kind", "use one of: " + kindList + ", e.g. !!! urgent \"Heading\"");
        }
        if ((m = UNQUOTED.matcher(text)).matches()) {
            return finding("the heading of care card '!!! " + m.group(1) + "' is not in double quotes, so it was not read as a care card",
                    "write '!!! " + m.group(1) + " \"" + m.group(2).strip() + "\"'");
        }
        return finding("this line starts with '!!!' but is not a care card opening", opening);
    }

    private static Optional<Finding> finding(String message, String fix) {
        return Optional.of(new Finding(message, fix));
    }
}
