package org.healthguides.content;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One buffer reads file after file: each read gives exactly that file's bytes, whatever was read before. */
class ReadBufferTest {
    @TempDir
    Path folder;

    private Path file(String name, int size) throws IOException {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return Files.write(folder.resolve(name), bytes);
    }

    @Test
    void each_file_is_read_whole_and_exactly_after_larger_and_smaller_ones() throws IOException {
        ReadBuffer buffer = new ReadBuffer();
        for (int size : new int[] {0, 1, 5_000, 16 * 1024 - 1, 16 * 1024, 16 * 1024 + 1, 200_000, 3, ReadBuffer.KEPT - 1, ReadBuffer.KEPT + 10, 7}) {
            Path file = file("f" + size, size);
            ReadBuffer read = buffer.read(file);
            assertArrayEquals(Files.readAllBytes(file), Arrays.copyOf(read.bytes(), read.length()), "size " + size);
            if (size + 1 > ReadBuffer.KEPT) {
                assertNotSame(buffer, read, "a file larger than the kept array gets one of its own");
            } else {
                assertSame(buffer, read);
            }
        }
        assertThrows(IOException.class, () -> buffer.read(folder.resolve("missing")));
        assertThrows(IOException.class, () -> buffer.read(folder));
    }
}
