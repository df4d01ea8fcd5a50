package org.healthguides.diagnostics;

import java.io.PrintStream;
import java.util.List;

/**
 * Problems as the terminal shows them: each one's line ({@code file:line:column: error[G0107]: what — fix}),
 * then the source line it points at with a caret under the column, as rustc and Hugo print them.
 */
public final class ProblemListing {
    private ProblemListing() {
    }

    public static void print(PrintStream out, List<Problem> problems) {
        SourceExcerpt excerpts = new SourceExcerpt();
        // Gathered and printed at once: println on System.err flushes each line, thousands of writes for a big site's warnings.
        StringBuilder text = new StringBuilder();
        String newline = System.lineSeparator();
        for (Problem problem : problems) {
            text.append(problem).append(newline);
            excerpts.of(problem).ifPresent(excerpt -> excerpt.lines().forEach(line -> text.append(line).append(newline)));
        }
        out.print(text);
        out.flush();
    }
}
