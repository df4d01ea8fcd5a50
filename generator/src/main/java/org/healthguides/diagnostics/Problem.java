package org.healthguides.diagnostics;

import java.util.Comparator;

/**
 * One thing wrong with the input, located as precisely as we know it.
 * Rendered as {@code file:line:column: severity: message — fix}, the format compilers use,
 * so editors and terminals can jump to it.
 *
 * @param file   path as the editor knows it (relative to the working directory), never null
 * @param line   1-based, or 0 when the problem is about the whole file
 * @param column 1-based, or 0 when unknown
 * @param fix    what the editor should do about it; may be empty
 */
public record Problem(String file, int line, int column, Severity severity, String message, String fix) {

    public static final Comparator<Problem> BY_LOCATION = Comparator.comparing(Problem::file)
            .thenComparingInt(Problem::line)
            .thenComparingInt(Problem::column)
            .thenComparing(Problem::message);

    public static Problem error(String file, int line, String message, String fix) {
        return new Problem(file, line, 0, Severity.ERROR, message, fix);
    }

    public static Problem warning(String file, int line, String message, String fix) {
        return new Problem(file, line, 0, Severity.WARNING, message, fix);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    public Problem asError() {
        return new Problem(file, line, column, Severity.ERROR, message, fix);
    }

    public Problem inFile(String newFile, int lineOffset) {
        return new Problem(newFile, line == 0 ? 0 : line + lineOffset, column, severity, message, fix);
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(file);
        if (line > 0) {
            out.append(':').append(line);
            if (column > 0) {
                out.append(':').append(column);
            }
        }
        out.append(": ").append(severity.label()).append(": ").append(message);
        if (fix != null && !fix.isEmpty()) {
            out.append(" — ").append(fix);
        }
        return out.toString();
    }
}
