package org.healthguides.diagnostics;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Problems as the terminal shows them: each one's line ({@code file:line:column: error[G0107]: what — fix}),
 * then the source line it points at with a caret under the column, as rustc and Hugo print them.
 */
public final class ProblemListing {
    private ProblemListing() {
    }

    public static void print(PrintStream out, List<Problem> problems) {
        print(out, problems, file -> null);
    }

    /** @param readTexts the text of each file the build read, by the path problems name it (see {@link SourceExcerpt}) */
    public static void print(PrintStream out, List<Problem> problems, java.util.function.Function<String, String> readTexts) {
        out.print(format(problems, readTexts));
        out.flush();
    }

    /** The text {@link #print} prints: made apart so a build can make it while it writes its cache. */
    public static String format(List<Problem> problems, java.util.function.Function<String, String> readTexts) {
        return format(problems, readTexts, SourceExcerpt.KnownLines.NONE);
    }

    /** As {@link #format(List, java.util.function.Function)}, with lines known without reading their files taken as they are. */
    public static String format(List<Problem> problems, java.util.function.Function<String, String> readTexts, SourceExcerpt.KnownLines knownLines) {
        String newline = System.lineSeparator();
        // Each file's problems with their excerpts on both cores, each into its place in the list (a 10,000-page
        // site's 2,500 warnings each read a file again: 60 ms on the main thread alone after every build); gathered
        // and printed at once, since println on System.err flushes each line.
        Map<String, List<Integer>> byFile = new LinkedHashMap<>();
        for (int i = 0; i < problems.size(); i++) {
            byFile.computeIfAbsent(problems.get(i).file(), file -> new ArrayList<>()).add(i);
        }
        String[] listed = new String[problems.size()];
        byFile.values().parallelStream().forEach(places -> {
            SourceExcerpt excerpts = new SourceExcerpt(readTexts, knownLines);
            for (int place : places) {
                Problem problem = problems.get(place);
                StringBuilder text = new StringBuilder().append(problem).append(newline);
                excerpts.of(problem).ifPresent(excerpt -> excerpt.lines().forEach(line -> text.append(line).append(newline)));
                listed[place] = text.toString();
            }
        });
        StringBuilder text = new StringBuilder();
        for (String problem : listed) {
            text.append(problem);
        }
        return text.toString();
    }

}
