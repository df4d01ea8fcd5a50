package org.healthguides.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

import org.healthguides.diagnostics.Code;
import org.healthguides.diagnostics.Suggestions;

/** {@code guide explain CODE}: what a problem code means, why the rule exists and how to fix it; without a code, the list. */
final class ExplainCommand {
    static final String USAGE = """
            Usage: guide explain [CODE]

            Says what a problem code (the G0107 in 'error[G0107]') means, why the rule exists and how to fix it.
            Without a code, lists every code. docs/errors.md holds the same list.
            """;

    private final PrintStream out;

    ExplainCommand(PrintStream out) {
        this.out = out;
    }

    int run(List<String> args) throws UsageError {
        if (args.contains("--help")) {
            out.print(USAGE);
            return Main.OK;
        }
        if (args.isEmpty()) {
            for (Code code : Code.values()) {
                out.println(code.id() + "  " + code.title());
            }
            return Main.OK;
        }
        if (args.size() > 1 || args.get(0).startsWith("--")) {
            throw new UsageError("'guide explain' takes one code, for example 'guide explain G0107'");
        }
        String typed = args.get(0);
        Code code = Code.byId(typed).orElseThrow(() -> new UsageError("unknown code '" + typed + "'"
                + Suggestions.closest(typed, Arrays.stream(Code.values()).map(Code::id).toList())
                        .map(id -> " — did you mean '" + id + "'?").orElse(" — 'guide explain' lists every code")));
        out.print(text(code));
        return Main.OK;
    }

    static String text(Code code) {
        return code.id() + ": " + code.title() + "\n\n"
                + "What it means: " + code.meaning() + "\n\n"
                + "Why: " + code.why() + "\n\n"
                + "How to fix it: " + code.fix() + "\n";
    }
}
