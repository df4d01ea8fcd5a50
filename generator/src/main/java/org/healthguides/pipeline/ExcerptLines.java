package org.healthguides.pipeline;

import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.healthguides.content.SourceFile;
import org.healthguides.diagnostics.Problem;

/**
 * The lines the last build's warnings pointed at, each with the fingerprint of the content file it was taken from
 * ({@code excerpt-lines.bin} in the cache folder). An edit rebuild of 10,000 pages lists ~2,500 warnings about files it
 * did not read (their guides were kept whole): without these it read each of them again for one line. A line is used
 * only for a file whose fingerprint now is the recorded one: the same bytes, the same line.
 *
 * @param lines by {@link #place}: the file's fingerprint and the line's text
 */
record ExcerptLines(Map<String, Line> lines) {
    static final ExcerptLines NONE = new ExcerptLines(Map.of());
    private static final String MAGIC = "guide excerpt lines";

    record Line(byte[] fingerprint, String text) {
    }

    /** Line {@code number} of {@code file} when it was recorded from a file with this fingerprint, else null. */
    String line(String file, int number, byte[] fingerprint) {
        Line line = lines.get(place(file, number));
        return line != null && Arrays.equals(line.fingerprint, fingerprint) ? line.text : null;
    }

    /**
     * The lines these problems point at in the content files a build read ({@code files}, by the path problems name
     * them): taken from a file's text when it was decoded, else from {@code last} (the file was not read: its
     * fingerprint is the one recorded there, or its line is left out).
     */
    static ExcerptLines of(List<Problem> problems, Function<String, SourceFile> files, ExcerptLines last) {
        Map<String, Line> lines = new HashMap<>(problems.size() * 2);
        for (Problem problem : problems) {
            SourceFile file = problem.line() > 0 ? files.apply(problem.file()) : null;
            if (file == null) {
                continue;
            }
            byte[] fingerprint = file.fingerprint();
            String text = file.isDecoded() ? org.healthguides.diagnostics.SourceExcerpt.line(file.text(), problem.line())
                    : last.line(problem.file(), problem.line(), fingerprint);
            if (text != null) {
                lines.put(place(problem.file(), problem.line()), new Line(fingerprint, text));
            }
        }
        return new ExcerptLines(lines);
    }

    /** Whether the next build would find the same lines here as in {@code other}. */
    boolean sameAs(ExcerptLines other) {
        if (lines.size() != other.lines.size()) {
            return false;
        }
        for (Map.Entry<String, Line> entry : lines.entrySet()) {
            Line theirs = other.lines.get(entry.getKey());
            if (theirs == null || !theirs.text.equals(entry.getValue().text) || !Arrays.equals(theirs.fingerprint, entry.getValue().fingerprint)) {
                return false;
            }
        }
        return true;
    }

    private static String place(String file, int number) {
        return file + '\n' + number; // no path holds a line break that a problem names (the loader refuses such names)
    }

    /** The lines as {@link #read} reads them, behind the cache's header (its kind, format, generator and CRC32). */
    byte[] write(String generator) throws IOException {
        EntryReader.Buffer body = new EntryReader.Buffer(64 + lines.size() * 160);
        DataOutputStream out = new DataOutputStream(body);
        out.writeInt(lines.size());
        for (Map.Entry<String, Line> entry : lines.entrySet()) {
            BuildCache.writeString(out, entry.getKey());
            out.writeInt(entry.getValue().fingerprint.length);
            out.write(entry.getValue().fingerprint);
            BuildCache.writeString(out, entry.getValue().text);
        }
        out.flush();
        return BuildCache.withHeader(MAGIC, generator, body.toByteArray());
    }

    /** The lines in bytes {@link #write} wrote, or null when another generator or format wrote them; throws when damaged. */
    static ExcerptLines read(byte[] bytes, String generator) throws IOException {
        EntryReader in = BuildCache.checkedBody(bytes, MAGIC, generator);
        if (in == null) {
            return null;
        }
        int count = BuildCache.readCount(in);
        Map<String, Line> lines = new HashMap<>(count * 2);
        for (int i = 0; i < count; i++) {
            String place = BuildCache.readString(in);
            int length = in.readInt();
            if (place == null || length < 0 || length > 64) {
                throw new IOException("bad excerpt line " + i);
            }
            byte[] fingerprint = new byte[length];
            for (int b = 0; b < length; b++) {
                int value = in.read();
                if (value < 0) {
                    throw new IOException("cut short");
                }
                fingerprint[b] = (byte) value;
            }
            String text = BuildCache.readString(in);
            if (text == null) {
                throw new IOException("bad excerpt line " + i);
            }
            lines.put(place, new Line(fingerprint, text));
        }
        if (in.read() != -1) {
            throw new IOException("data after the end");
        }
        return new ExcerptLines(lines);
    }
}
