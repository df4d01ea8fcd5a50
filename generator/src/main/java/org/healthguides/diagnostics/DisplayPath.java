package org.healthguides.diagnostics;

import java.nio.file.Path;

/** How a folder is named in messages: relative to the working directory when it can be, with forward slashes. */
public final class DisplayPath {
    private DisplayPath() {
    }

    public static String of(Path folder) {
        Path cwd = Path.of("").toAbsolutePath();
        Path absolute = folder.toAbsolutePath().normalize();
        String shown = absolute.startsWith(cwd) ? cwd.relativize(absolute).toString() : absolute.toString();
        return shown.isEmpty() ? "." : shown.replace('\\', '/');
    }
}
