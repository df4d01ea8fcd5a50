package org.healthguides.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

import org.healthguides.pipeline.BuildOptions;
import org.healthguides.pipeline.SiteBuild;
import org.healthguides.diagnostics.ContentErrors;
import org.healthguides.diagnostics.Problem;
import org.healthguides.diagnostics.ProblemListing;
import org.healthguides.report.ContentReport;
import org.healthguides.site.Site;

/** {@code guide report}: the content's editorial numbers, as a table or as JSON. Reads the content only; writes nothing. */
final class ReportCommand {
    private static final String USAGE = """
            Usage: guide report [--content DIR] [--json]

            Prints a table per guide: for the introduction and each section, its words, reading time (at 200 words
            a minute, rounded up), Flesch–Kincaid grade, Flesch reading ease, callouts by kind, references and
            internal links, then the guide's totals. Warnings go to standard error; the numbers to standard output.

            Options:
              --content DIR     content folder (default: content)
              --json            print the same numbers as JSON, for tools
              --help            show this help

            Exit codes: 0 success, 1 content errors, 2 usage or internal error.
            """;

    private final PrintStream out;
    private final PrintStream err;
    private final Clock clock;

    /** @param clock today's date for review-date checks, as the build has it */
    ReportCommand(PrintStream out, PrintStream err, Clock clock) {
        this.out = out;
        this.err = err;
        this.clock = clock;
    }

    int run(List<String> args) throws UsageError {
        Arguments options = new Arguments(args, Set.of("--content"), Set.of("--json", "--help", "--verbose"));
        if (options.flag("--help")) {
            out.print(USAGE);
            return Main.OK;
        }
        if (!options.positional().isEmpty()) {
            throw new UsageError("unexpected argument '" + options.positional().get(0) + "'");
        }
        BuildOptions defaults = BuildOptions.defaults();
        BuildOptions build = new BuildOptions(Path.of(options.value("--content", defaults.content().toString())),
                defaults.templates(), defaults.out(), null, false).withClock(clock);
        Site site;
        try {
            site = new SiteBuild(build).assemble();
        } catch (ContentErrors e) {
            ProblemListing.print(err, e.problems());
            long errors = e.problems().stream().filter(Problem::isError).count();
            err.println("guide: report failed: the content has " + errors + (errors == 1 ? " error" : " errors"));
            return Main.CONTENT_ERRORS;
        }
        ProblemListing.print(err, site.warnings());
        ContentReport report = ContentReport.of(site);
        out.print(options.flag("--json") ? report.json() : report.table());
        return Main.OK;
    }

    /** The clock a build checks review dates by: the given date (--today), else the real one. */
    static Clock clockFor(String today, Clock real) throws UsageError {
        if (today == null) {
            return real;
        }
        try {
            return Clock.fixed(LocalDate.parse(today).atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new UsageError("--today needs a date as YYYY-MM-DD, not '" + today + "'");
        }
    }
}
