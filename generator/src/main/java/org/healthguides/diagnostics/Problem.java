package org.healthguides.diagnostics;

import java.util.Comparator;

/**
 * One thing wrong with the input, located as precisely as we know it.
 * Rendered as {@code file:line:column: severity[code]: message — fix}, the format compilers use,
 * so editors and terminals can jump to it; {@code guide explain CODE} says more about the code.
 *
 * @param code   what kind of problem this is (see {@link Code}); {@link Code#UNCLASSIFIED} when a call site has none yet
 * @param file   path as the editor knows it (relative to the working directory), never null
 * @param line   1-based, or 0 when the problem is about the whole file
 * @param column 1-based, or 0 when unknown
 * @param fix    what the editor should do about it; may be empty
 */
public record Problem(Code code, String file, int line, int column, Severity severity, String message, String fix) {

    public static final Comparator<Problem> BY_LOCATION = Comparator.comparing(Problem::file)
            .thenComparingInt(Problem::line)
            .thenComparingInt(Problem::column)
            .thenComparing(Problem::message);

    public Problem {
        code = code == null ? Code.UNCLASSIFIED : code;
    }

    /** A problem without a code of its own yet: it prints without one (add a {@link Code} and use the other constructor). */
    public Problem(String file, int line, int column, Severity severity, String message, String fix) {
        this(Code.UNCLASSIFIED, file, line, column, severity, message, fix);
    }

    public static Problem error(Code code, String file, int line, String message, String fix) {
        return new Problem(code, file, line, 0, Severity.ERROR, message, fix);
    }

    public static Problem warning(Code code, String file, int line, String message, String fix) {
        return new Problem(code, file, line, 0, Severity.WARNING, message, fix);
    }

    /** Without a code: prints as before codes existed. New call sites should pass a {@link Code}. */
    public static Problem error(String file, int line, String message, String fix) {
        return error(Code.UNCLASSIFIED, file, line, message, fix);
    }

    /** Without a code: prints as before codes existed. New call sites should pass a {@link Code}. */
    public static Problem warning(String file, int line, String message, String fix) {
        return warning(Code.UNCLASSIFIED, file, line, message, fix);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /**
     * A record's equals and hashCode, written out (the same result: each component compared, and hashed as
     * {@code 31 * h + hash(component)} in order). The generated ones link through {@code ObjectMethods}' bootstrap on
     * their first call, whose method handles are spun and run in the interpreter: a few ms of a cold build's main
     * thread at its end, where the problems are de-duplicated (RecordMethodsTest keeps these in step with the components).
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof Problem that && line == that.line && column == that.column && java.util.Objects.equals(code, that.code)
                && java.util.Objects.equals(file, that.file) && java.util.Objects.equals(severity, that.severity)
                && java.util.Objects.equals(message, that.message) && java.util.Objects.equals(fix, that.fix);
    }

    @Override
    public int hashCode() {
        int hash = java.util.Objects.hashCode(code);
        hash = 31 * hash + java.util.Objects.hashCode(file);
        hash = 31 * hash + Integer.hashCode(line);
        hash = 31 * hash + Integer.hashCode(column);
        hash = 31 * hash + java.util.Objects.hashCode(severity);
        hash = 31 * hash + java.util.Objects.hashCode(message);
        return 31 * hash + java.util.Objects.hashCode(fix);
    }

    public Problem asError() {
        return new Problem(code, file, line, column, Severity.ERROR, message, fix);
    }

    /** The same problem at a known column (1-based) of its line. */
    public Problem atColumn(int newColumn) {
        return new Problem(code, file, line, newColumn, severity, message, fix);
    }

    public Problem inFile(String newFile, int lineOffset) {
        return new Problem(code, newFile, line == 0 ? 0 : line + lineOffset, column, severity, message, fix);
    }

    /** {@code error[G0107]}, or just {@code error} for a problem without a code. */
    public String label() {
        return code == Code.UNCLASSIFIED ? severity.label() : severity.label() + "[" + code.id() + "]";
    }

    /** {@code file:line:column}, leaving out what is not known. */
    public String location() {
        StringBuilder out = new StringBuilder(file);
        if (line > 0) {
            out.append(':').append(line);
            if (column > 0) {
                out.append(':').append(column);
            }
        }
        return out.toString();
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(location());
        out.append(": ").append(label()).append(": ").append(message);
        if (fix != null && !fix.isEmpty()) {
            out.append(" — ").append(fix);
        }
        return out.toString();
    }
}
