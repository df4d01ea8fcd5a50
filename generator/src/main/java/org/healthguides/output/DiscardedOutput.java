package org.healthguides.output;

import java.nio.file.Path;

/** The output of {@code guide check}: every file is built and checked, then dropped. */
public final class DiscardedOutput implements Output {
    @Override
    public void write(String sitePath, byte[] bytes) {
    }

    @Override
    public void copy(String sitePath, Path source) {
    }
}
