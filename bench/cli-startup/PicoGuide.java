import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The guide command line declared with picocli (the same commands and options), then handed to the real Main. */
@Command(name = "guide", mixinStandardHelpOptions = true, versionProvider = PicoGuide.Version.class,
        subcommands = {PicoGuide.Build.class, PicoGuide.Check.class, PicoGuide.Serve.class, PicoGuide.Report.class,
                PicoGuide.New.class, PicoGuide.Explain.class})
public class PicoGuide implements Callable<Integer> {
    static String[] raw;

    static class Version implements CommandLine.IVersionProvider {
        public String[] getVersion() {
            String v = org.healthguides.cli.Main.class.getPackage().getImplementationVersion();
            return new String[] {"guide " + v + " (Java " + Runtime.version() + ")"};
        }
    }

    public Integer call() { return 2; }

    static class Common {
        @Option(names = "--content") String content;
        @Option(names = "--templates") String templates;
        @Option(names = "--verbose") boolean verbose;
    }

    @Command(name = "build", mixinStandardHelpOptions = true)
    static class Build implements Callable<Integer> {
        @CommandLine.Mixin Common common;
        @Option(names = "--out") String out;
        @Option(names = "--base-url") String baseUrl;
        @Option(names = "--today") String today;
        @Option(names = "--strict") boolean strict;
        @Option(names = "--external") boolean external;
        @Option(names = "--force") boolean force;
        public Integer call() { return run(); }
    }

    @Command(name = "check", mixinStandardHelpOptions = true)
    static class Check implements Callable<Integer> {
        @CommandLine.Mixin Common common;
        @Option(names = "--base-url") String baseUrl;
        @Option(names = "--today") String today;
        @Option(names = "--strict") boolean strict;
        @Option(names = "--external") boolean external;
        public Integer call() { return run(); }
    }

    @Command(name = "serve", mixinStandardHelpOptions = true)
    static class Serve implements Callable<Integer> {
        @CommandLine.Mixin Common common;
        @Option(names = "--port") int port = 8080;
        @Option(names = "--bind") String bind;
        public Integer call() { return run(); }
    }

    @Command(name = "report", mixinStandardHelpOptions = true)
    static class Report implements Callable<Integer> {
        @CommandLine.Mixin Common common;
        @Option(names = "--json") boolean json;
        public Integer call() { return run(); }
    }

    @Command(name = "new", mixinStandardHelpOptions = true)
    static class New implements Callable<Integer> {
        @Option(names = "--content") String content;
        @Option(names = "--title") String title;
        @Option(names = "--guide") String guide;
        @Parameters List<String> what;
        public Integer call() { return run(); }
    }

    @Command(name = "explain", mixinStandardHelpOptions = true)
    static class Explain implements Callable<Integer> {
        @Parameters(arity = "0..1") String code;
        public Integer call() { return run(); }
    }

    /** After picocli has parsed and validated, the real command runs (as a picocli port would call it). */
    static int run() {
        try {
            java.lang.reflect.Method main = org.healthguides.cli.Main.class.getDeclaredMethod("run", List.class);
            java.lang.reflect.Constructor<org.healthguides.cli.Main> c = org.healthguides.cli.Main.class.getDeclaredConstructor(java.io.PrintStream.class, java.io.PrintStream.class);
            c.setAccessible(true);
            main.setAccessible(true);
            return (Integer) main.invoke(c.newInstance(System.out, System.err), List.of(raw));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void main(String[] args) {
        raw = args;
        System.exit(new CommandLine(new PicoGuide()).execute(args));
    }
}
