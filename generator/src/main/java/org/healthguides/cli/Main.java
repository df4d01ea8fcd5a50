package org.healthguides.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.healthguides.diagnostics.ContentErrors;
import org.healthguides.diagnostics.Problem;
import org.healthguides.diagnostics.ProblemListing;
import org.healthguides.diagnostics.Suggestions;
import org.healthguides.output.OutputFolder;
import org.healthguides.pipeline.BuildOptions;
import org.healthguides.pipeline.BuildReport;
import org.healthguides.pipeline.SiteBuild;

/** The {@code guide} command. Exit codes: 0 success, 1 content errors, 2 usage or internal error. */
public final class Main {
    static final int OK = 0;
    static final int CONTENT_ERRORS = 1;
    static final int USAGE_OR_INTERNAL = 2;

    private static final String USAGE = """
            Usage: guide <command> [options]

            Publishes health guides written in Markdown as a static website.

            Commands:
              build     Build the site into the output folder (default target/site/)
              serve     Preview the site at http://127.0.0.1:8080/, rebuilding and reloading on every save
              report    Print each guide's words, reading time, reading age, care cards, references and links
              check     Check everything a build would, without writing anything; lists every problem
              new       Start a draft guide or section from a template: 'guide new guide SLUG --sections A,B',
                        'guide new section NAME --guide SLUG'
              explain   Say what a problem's code means, why the rule exists and how to fix it:
                        'guide explain G0107'; without a code, list every code

            Options: --help (also after a command), --version

            Run 'guide <command> --help' for a command's options.

            Exit codes: 0 success, 1 content errors (each printed as file:line:column: error[CODE]: what — how to fix),
            2 usage or internal error (an internal error prints one line; run again with --verbose for details).
            """;

    private static final String BUILD_USAGE = """
            Usage: guide build [--content DIR] [--templates DIR] [--out DIR] [--base-url URL] [--today DATE] [--strict] [--allow-overdue] [--drafts] [--no-pdf] [--force] [--no-cache] [--verbose]

            Builds the site. The output folder is replaced only when the whole build succeeds; a failed build
            leaves the last good site as it was. The output folder is refused (exit 2, nothing written) when it
            is, holds or is inside the content or templates folder, holds the current folder or the home folder,
            holds a .git, is a file or a link, or is a non-empty folder that no build wrote (no .guide-site in it).

            Options:
              --content DIR     content folder: site.yaml and one folder per guide (default: content)
              --templates DIR   FreeMarker templates and static/ assets (default: templates)
              --out DIR         output folder (default: target/site)
              --base-url URL    where the site will be published, e.g. https://example.org/health/
                                (default: base_url in site.yaml); a full https:// address is needed
                                for sitemap.xml and canonical links
              --today DATE      check review dates as of DATE (YYYY-MM-DD) instead of today, for reproducible builds
              --strict          treat warnings as errors
              --allow-overdue   with --strict, a guide past its next_review stays a warning (for deploys:
                                the calendar alone never stops a site from being published)
              --drafts          also build guides and sections marked 'draft: true', each page with a
                                "Draft - not published" banner (never in the sitemap); for review, not for publishing
              --external        also check external http(s) links over the network (warnings)
              --no-pdf          leave out each guide's printable PDF leaflet (<guide>/<guide>.pdf), for quicker builds
              --force           replace a non-empty output folder that no build wrote (never a protected one)
              --no-cache        build cold: neither use nor update the build cache kept beside the output
                                (DIR.cache: what the last build rendered, so unchanged guides are not rendered again)
              --verbose         print each guide's numbers (as 'guide report' does) and details of internal errors
              --help            show this help

            Exit codes: 0 success, 1 content errors, 2 usage or internal error.
            """;

    private static final String CHECK_USAGE = """
            Usage: guide check [--content DIR] [--templates DIR] [--base-url URL] [--today DATE] [--strict] [--allow-overdue] [--drafts] [--external] [--no-pdf] [--verbose]

            Checks everything a build would (settings, front matter, Markdown, each guide's content contract,
            links and #anchors, templates rendered in memory) and lists every problem, sorted by file and line.
            Writes nothing.

            Options:
              --content DIR     content folder: site.yaml and one folder per guide (default: content)
              --templates DIR   FreeMarker templates and static/ assets (default: templates)
              --base-url URL    check as if published there (default: base_url in site.yaml)
              --today DATE      check review dates as of DATE (YYYY-MM-DD) instead of today
              --strict          treat warnings as errors
              --allow-overdue   with --strict, a guide past its next_review stays a warning (for deploys:
                                the calendar alone never stops a site from being published)
              --drafts          also check guides and sections marked 'draft: true' (left out otherwise)
              --external        also check external http(s) links over the network: HEAD, then GET if refused,
                                8 at a time, 10 s each; a dead link is a warning
              --no-pdf          do not print each guide's PDF leaflet (the quickest check)
              --verbose         print details of internal errors
              --help            show this help

            Exit codes: 0 no errors, 1 content errors, 2 usage or internal error.
            """;

    private final PrintStream out;
    private final PrintStream err;
    private final Clock clock;
    private final Path workingDirectory;
    private final Path home;

    Main(PrintStream out, PrintStream err) {
        this(out, err, Clock.systemDefaultZone());
    }

    /** @param clock today's date for review-date checks; tests pass a fixed clock */
    Main(PrintStream out, PrintStream err, Clock clock) {
        this(out, err, clock, Path.of("").toAbsolutePath(), Path.of(System.getProperty("user.home")));
    }

    /**
     * @param workingDirectory the folder relative paths start from and {@code --out} may not hold (the project)
     * @param home             the home folder {@code --out} may not be; tests pass sacrificial ones
     */
    Main(PrintStream out, PrintStream err, Clock clock, Path workingDirectory, Path home) {
        this.out = out;
        this.err = err;
        this.clock = clock;
        this.workingDirectory = workingDirectory;
        this.home = home;
    }

    public static void main(String[] args) {
        // FreeMarker logs through java.util.logging when nothing else is on the class path, and starting that
        // (LogManager, its configuration, Java's security properties) cost every cold build CPU for messages it never
        // writes: template errors are reported by the renderer itself (setLogTemplateExceptions(false)). Left as
        // given when set on the command line (-Dorg.freemarker.loggerLibrary=JUL shows them again).
        if (System.getProperty(FREEMARKER_LOGGER_LIBRARY) == null) {
            System.setProperty(FREEMARKER_LOGGER_LIBRARY, "none");
        }
        System.exit(new Main(System.out, System.err).run(Arrays.asList(args)));
    }

    /** freemarker.log.Logger.SYSTEM_PROPERTY_NAME_LOGGER_LIBRARY, read when FreeMarker makes its first logger. */
    static final String FREEMARKER_LOGGER_LIBRARY = "org.freemarker.loggerLibrary";

    private static final List<String> COMMANDS = List.of("build", "check", "serve", "report", "new", "explain");

    int run(List<String> args) {
        boolean verbose = args.contains("--verbose");
        try {
            if (args.isEmpty() || args.get(0).equals("--help") || args.get(0).equals("-h") || args.get(0).equals("help")) {
                out.print(USAGE);
                return args.isEmpty() ? USAGE_OR_INTERNAL : OK;
            }
            String command = args.get(0);
            List<String> rest = args.subList(1, args.size());
            return switch (command) {
                case "--version", "-V", "version" -> version();
                case "build" -> build(rest);
                case "serve" -> new ServeCommand(out, err, clock).run(rest);
                case "report" -> new ReportCommand(out, err, clock).run(rest);
                case "check" -> check(rest);
                case "new" -> new NewCommand(out, err).run(rest);
                case "explain" -> new ExplainCommand(out).run(rest);
                default -> throw new UsageError("unknown command '" + command + "'"
                        + Suggestions.closest(command.replaceFirst("^-+", ""), COMMANDS).map(c -> " — did you mean '" + c + "'?").orElse(""));
            };
        } catch (UsageError e) {
            err.println("guide: " + e.getMessage() + " (run 'guide --help' for usage)");
            return USAGE_OR_INTERNAL;
        } catch (ContentErrors e) {
            report(e.problems());
            long errors = e.problems().stream().filter(Problem::isError).count();
            err.println("guide: build failed with " + errors + (errors == 1 ? " error" : " errors") + "; the previous site was left as it was");
            return CONTENT_ERRORS;
        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            if (verbose) {
                e.printStackTrace(err);
            }
            err.println("guide: internal error: " + e + (verbose ? "" : " (run with --verbose for details)"));
            return USAGE_OR_INTERNAL;
        }
    }

    /** The version Maven packaged (from the jar's manifest), or "development build" when run from classes. */
    private int version() {
        String version = Main.class.getPackage().getImplementationVersion();
        out.println("guide " + (version == null ? "(development build)" : version) + " (Java " + Runtime.version() + ")");
        return OK;
    }

    private int build(List<String> args) throws Exception {
        Arguments options = new Arguments(args, Set.of("--content", "--templates", "--out", "--base-url", "--today"),
                Set.of("--strict", "--allow-overdue", "--external", "--no-pdf", "--verbose", "--force", "--no-cache", "--drafts", "--help"));
        if (options.flag("--help")) {
            out.print(BUILD_USAGE);
            return OK;
        }
        BuildOptions build = buildOptions(options);
        String refusal = OutputFolder.refusal(build.out(), new OutputFolder.Places(build.content(), build.templates(), workingDirectory, home),
                options.flag("--force"));
        if (refusal != null) {
            err.println("guide: " + refusal + "; nothing was written");
            return USAGE_OR_INTERNAL;
        }
        BuildReport report = new SiteBuild(build).run(!options.flag("--no-cache"), note -> err.println("guide: " + note));
        err.print(report.listing().get());
        err.flush();
        int warnings = report.warnings().size();
        out.printf("Built %d pages (%d files) in %d ms into %s%s%s%s%n", report.pages(), report.files(), report.millis(),
                build.out(), warnings == 0 ? "" : ", with " + warnings + (warnings == 1 ? " warning" : " warnings"),
                report.upToDate() ? "; up to date: nothing changed since the last build, whose output was left as it was (build cache)"
                        : report.reused() == 0 ? "" : "; " + report.reused() + " of the pages unchanged since the last build (build cache)",
                report.draftsSummary());
        if (options.flag("--verbose")) {
            out.print(report.content().table());
        }
        return OK;
    }

    private int check(List<String> args) throws Exception {
        Arguments options = new Arguments(args, Set.of("--content", "--templates", "--base-url", "--today"),
                Set.of("--strict", "--allow-overdue", "--external", "--no-pdf", "--verbose", "--drafts", "--help"));
        if (options.flag("--help")) {
            out.print(CHECK_USAGE);
            return OK;
        }
        BuildReport report;
        try {
            report = new SiteBuild(buildOptions(options)).check();
        } catch (ContentErrors e) {
            report(e.problems());
            long errors = e.problems().stream().filter(Problem::isError).count();
            long warnings = e.problems().size() - errors;
            err.println("guide: check found " + count(errors, "error") + (warnings == 0 ? "" : " and " + count(warnings, "warning")));
            return CONTENT_ERRORS;
        }
        err.print(report.listing().get());
        err.flush();
        out.printf("Checked %d pages in %d ms: no errors%s%s%n", report.pages(), report.millis(),
                report.warnings().isEmpty() ? "" : ", " + count(report.warnings().size(), "warning"), report.draftsSummary());
        return OK;
    }

    private BuildOptions buildOptions(Arguments options) throws UsageError {
        if (!options.positional().isEmpty()) {
            throw new UsageError("unexpected argument '" + options.positional().get(0) + "'");
        }
        BuildOptions defaults = BuildOptions.defaults();
        return new BuildOptions(
                Path.of(options.value("--content", defaults.content().toString())),
                Path.of(options.value("--templates", defaults.templates().toString())),
                Path.of(options.value("--out", defaults.out().toString())),
                options.value("--base-url", null),
                options.flag("--strict"),
                options.flag("--external"))
                .withClock(ReportCommand.clockFor(options.value("--today", null), clock))
                .withAllowOverdue(options.flag("--allow-overdue"))
                .withPdf(!options.flag("--no-pdf"))
                .withDrafts(options.flag("--drafts"));
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    void report(List<Problem> problems) {
        ProblemListing.print(err, problems);
    }
}
