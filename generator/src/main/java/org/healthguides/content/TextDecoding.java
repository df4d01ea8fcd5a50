package org.healthguides.content;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.healthguides.diagnostics.Code;
import org.healthguides.diagnostics.Problem;

/** Strict UTF-8 decoding: a file in another encoding is an error naming the first bad byte, never mojibake. */
public final class TextDecoding {
    private TextDecoding() {
    }

    public sealed interface Result permits Decoded, Invalid {
    }

    /**
     * @param text         the text, without a byte order mark and with line endings normalised to {@code \n}
     * @param bytesAreText the file's bytes are exactly the text's UTF-8 (no byte order mark, no carriage return),
     *                     so whoever needs those bytes can take the file's instead of encoding the text again
     */
    public record Decoded(String text, boolean bytesAreText) implements Result {
    }

    public record Invalid(Problem problem) implements Result {
    }

    public static Result decode(byte[] bytes, String displayPath) {
        return decode(bytes, bytes.length, displayPath);
    }

    /** The text of the first {@code length} bytes of {@code bytes} (a buffer that may hold more). */
    public static Result decode(byte[] bytes, int length, String displayPath) {
        int start = hasBom(bytes, length) ? 3 : 0;
        int ascii = asciiKind(bytes, start, length);
        if (ascii != NOT_ASCII) {
            // Valid UTF-8 by definition, and the same characters in Latin-1, which Java copies without decoding.
            String text = new String(bytes, start, length - start, StandardCharsets.ISO_8859_1);
            return new Decoded(ascii == ASCII_WITH_CR ? normaliseLineEndings(text) : text, start == 0 && ascii == ASCII);
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes, start, length - start));
            String text = chars.toString();
            return new Decoded(normaliseLineEndings(text), start == 0 && text.indexOf('\r') < 0);
        } catch (CharacterCodingException e) {
            int offset = firstBadByte(bytes, start, length).orElse(start);
            int line = 1;
            for (int i = 0; i < offset; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            return new Invalid(Problem.error(Code.NOT_UTF8, displayPath, line,
                    String.format("file is not valid UTF-8 (byte 0x%02X at byte offset %d)", bytes[offset] & 0xff, offset),
                    "save the file as UTF-8 in your editor"));
        }
    }

    static String normaliseLineEndings(String text) {
        return text.indexOf('\r') < 0 ? text : text.replace("\r\n", "\n").replace('\r', '\n');
    }

    private static final int NOT_ASCII = 0;
    private static final int ASCII = 1;
    private static final int ASCII_WITH_CR = 2;

    /** Whether the bytes are ASCII, and whether they hold a carriage return: one pass, not a second one over the text for '\r'. */
    private static int asciiKind(byte[] bytes, int start, int length) {
        boolean carriageReturn = false;
        for (int i = start; i < length; i++) {
            byte b = bytes[i];
            if (b <= '\r') {
                if (b < 0) {
                    return NOT_ASCII;
                }
                carriageReturn |= b == '\r';
            }
        }
        return carriageReturn ? ASCII_WITH_CR : ASCII;
    }

    private static boolean hasBom(byte[] bytes, int length) {
        return length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF;
    }

    private static Optional<Integer> firstBadByte(byte[] bytes, int start, int length) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, length - start);
        CharBuffer out = CharBuffer.allocate(length + 1);
        var result = decoder.decode(in, out, true);
        return result.isError() ? Optional.of(in.position()) : Optional.empty();
    }
}
