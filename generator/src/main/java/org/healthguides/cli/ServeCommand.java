package org.healthguides.cli;

import java.io.PrintStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.healthguides.pipeline.BuildOptions;
import org.healthguides.diagnostics.Problem;
import org.healthguides.diagnostics.ProblemListing;
import org.healthguides.serve.BuildOutcome;
import org.healthguides.serve.PreviewOptions;
import org.healthguides.serve.PreviewServer;

/** {@code guide serve}: the preview server, until Ctrl-C. */
final class ServeCommand {
    static final String USAGE = """
            Usage: guide serve [--port 8080] [--bind 127.0.0.1] [--content DIR] [--templates DIR] [--verbose]

            Builds the site into memory and serves it for previewing. When a file in the content or templates
            folder changes, only the pages it affects are rebuilt and the open pages reload by themselves. A
            build error is printed here and shown over the page in the browser; the last good site stays served.
            Nothing is written to the output folder. Stop with Ctrl-C.

            Options:
              --port PORT       port to listen on (default: 8080; 0 picks a free one)
              --bind ADDRESS    address to listen on (default: 127.0.0.1, this machine only); another address
                                lets other machines on the network read the preview
              --content DIR     content folder (default: content)
              --templates DIR   templates folder (default: templates)
              --verbose         print details of internal errors
              --help            show this help

            Exit codes: 2 usage error or the port cannot be used; otherwise it runs until Ctrl-C.
            """;

    private final PrintStream out;
    private final PrintStream err;
    private final java.time.Clock clock;

    /** @param clock today's date for review-date checks, as the build has it */
    ServeCommand(PrintStream out, PrintStream err, java.time.Clock clock) {
        this.out = out;
        this.err = err;
        this.clock = clock;
    }

    int run(List<String> args) throws Exception {
        Arguments options = new Arguments(args, Set.of("--port", "--bind", "--content", "--templates"), Set.of("--verbose", "--help"));
        if (options.flag("--help")) {
            out.print(USAGE);
            return Main.OK;
        }
        if (!options.positional().isEmpty()) {
            throw new UsageError("unexpected argument '" + options.positional().get(0) + "'");
        }
        int port = port(options.value("--port", Integer.toString(PreviewOptions.DEFAULT_PORT)));
        String bindName = options.value("--bind", PreviewOptions.loopback().getHostAddress());
        InetAddress bind;
        try {
            bind = InetAddress.getByName(bindName);
        } catch (UnknownHostException e) {
            throw new UsageError("--bind '" + bindName + "' is not an address of this machine");
        }
        Path content = Path.of(options.value("--content", BuildOptions.DEFAULT_CONTENT.toString()));
        Path templates = Path.of(options.value("--templates", BuildOptions.DEFAULT_TEMPLATES.toString()));
        for (Path folder : List.of(content, templates)) {
            if (!Files.isDirectory(folder)) {
                String flag = folder == content ? "--content" : "--templates";
                throw new UsageError("folder '" + folder + "' not found; run from the project folder or pass " + flag + " DIR");
            }
        }
        PreviewOptions preview = new PreviewOptions(content, templates, bind, port, PreviewOptions.DEFAULT_QUIET_PERIOD, clock);
        PreviewServer server;
        try {
            server = PreviewServer.start(preview, this::report);
        } catch (BindException e) {
            String message = String.valueOf(e.getMessage());
            if (message.toLowerCase(java.util.Locale.ROOT).contains("in use")) {
                err.println("guide: port " + port + " is already in use on " + bindName + "; stop the other server or choose another port with --port, e.g. --port " + (port + 1));
            } else {
                err.println("guide: cannot listen on " + bindName + ":" + port + " (" + message + "); choose an address of this machine with --bind or another port with --port");
            }
            return Main.USAGE_OR_INTERNAL;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            out.println("Stopped the preview.");
        }, "preview-shutdown"));
        if (!bind.isLoopbackAddress()) {
            err.println("guide: warning: listening on " + bindName + ", so other machines on the network can read the preview");
        }
        out.println("Serving " + server.url() + " (watching " + content + " and " + templates + "; open pages reload on every save). Press Ctrl-C to stop.");
        server.awaitClose();
        return Main.OK;
    }

    private void report(BuildOutcome outcome) {
        ProblemListing.print(err, outcome.problems());
        if (!outcome.ok()) {
            long errors = outcome.problems().stream().filter(Problem::isError).count();
            err.println("guide: build failed with " + errors + (errors == 1 ? " error" : " errors")
                    + (outcome.first() ? "; fix it and save, the preview builds again" : "; still serving the last good site, with the errors shown over it"));
        } else if (outcome.first()) {
            out.printf("Built %d pages in %.0f ms%n", outcome.pages(), outcome.millis());
        } else {
            out.printf("Rebuilt %d of %d pages in %.0f ms%n", outcome.rendered(), outcome.pages(), outcome.millis());
        }
    }

    private static int port(String value) throws UsageError {
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // Reported below.
        }
        throw new UsageError("--port must be a number from 0 to 65535, not '" + value + "'");
    }
}
