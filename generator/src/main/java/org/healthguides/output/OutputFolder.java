package org.healthguides.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.stream.Stream;

/**
 * Decides whether a build may replace a folder with the site. A build replaces its output folder as a whole, so
 * a mistyped {@code --out} must never be the user's own work: the content, the templates, the project, a git
 * repository, the home folder. A non-empty folder is replaced only when an earlier build wrote it (it holds
 * {@link #MARKER}), or when the user says so with {@code --force}.
 */
public final class OutputFolder {
    /** Written into every site this tool builds: the sign that a later build may replace the folder. */
    public static final String MARKER = ".guide-site";

    /** What the refusal is checked against; the command line passes the real ones, tests a sacrificial project. */
    public record Places(Path content, Path templates, Path workingDirectory, Path home) {
    }

    private OutputFolder() {
    }

    /**
     * Why {@code out} must not be replaced by a site, as one sentence naming the folder, or null when it may.
     *
     * @param force replace a non-empty folder that no build wrote; never overrides the protected folders
     */
    public static String refusal(Path out, Places places, boolean force) throws IOException {
        Path working = places.workingDirectory().toAbsolutePath().normalize();
        Path target = real(working.resolve(out));
        String name = "output folder '" + out + "'";
        if (target.getParent() == null) {
            return name + " is the root of the file system";
        }
        if (Files.isSymbolicLink(working.resolve(out).normalize())) {
            return name + " is a symbolic link; pass the folder it leads to, or a new folder";
        }
        if (Files.exists(target) && !Files.isDirectory(target)) {
            return name + " is a file, not a folder; choose a folder such as target/site";
        }
        String clash = clash(target, real(working.resolve(places.content())), "content folder");
        if (clash == null) {
            clash = clash(target, real(working.resolve(places.templates())), "templates folder");
        }
        if (clash == null) {
            clash = holds(target, real(places.home()), "home folder");
        }
        if (clash == null) {
            clash = holds(target, real(working), "current folder (the project)");
        }
        if (clash != null) {
            return name + " " + clash + "; a build replaces its output folder as a whole, so choose a folder of its own such as target/site";
        }
        for (Path part : target) {
            if (part.toString().equals(".git")) {
                return name + " is a .git folder or inside one; choose a folder of its own such as target/site";
            }
        }
        if (Files.exists(target.resolve(".git"), LinkOption.NOFOLLOW_LINKS)) {
            return name + " holds a .git repository; choose a folder of its own such as target/site";
        }
        if (!force && Files.isDirectory(target) && !Files.isRegularFile(target.resolve(MARKER), LinkOption.NOFOLLOW_LINKS) && !isEmpty(target)) {
            return name + " is not empty and was not written by 'guide build' (it has no " + MARKER
                    + "); choose an empty or new folder, or pass --force to replace everything in it";
        }
        return null;
    }

    /** How {@code target} would destroy {@code protectedFolder}, or null when they are apart. */
    private static String clash(Path target, Path protectedFolder, String what) {
        if (target.equals(protectedFolder)) {
            return "is the " + what;
        }
        if (target.startsWith(protectedFolder)) {
            return "is inside the " + what;
        }
        if (protectedFolder.startsWith(target)) {
            return "holds the " + what;
        }
        return null;
    }

    /** Whether {@code target} is or holds a folder that may itself hold outputs (the home folder, the project). */
    private static String holds(Path target, Path protectedFolder, String what) {
        if (target.equals(protectedFolder)) {
            return "is the " + what;
        }
        return protectedFolder.startsWith(target) ? "holds the " + what : null;
    }

    /** The path with every symbolic link in its existing part resolved, so a link cannot disguise a protected folder. */
    static Path real(Path path) throws IOException {
        Path existing = path.toAbsolutePath().normalize();
        Deque<Path> missing = new ArrayDeque<>();
        while (existing.getParent() != null && !Files.exists(existing)) {
            missing.push(existing.getFileName());
            existing = existing.getParent();
        }
        Path real = existing.toRealPath();
        while (!missing.isEmpty()) {
            real = real.resolve(missing.pop());
        }
        return real;
    }

    private static boolean isEmpty(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        }
    }
}
