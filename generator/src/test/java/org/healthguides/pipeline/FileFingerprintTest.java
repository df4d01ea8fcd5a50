package org.healthguides.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import org.healthguides.content.SourceFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A templates file's fingerprint read through a buffer is the one of its bytes read whole, whatever its length. */
class FileFingerprintTest {
    @TempDir
    Path folder;

    @Test
    void streamed_fingerprint_equals_the_fingerprint_of_the_whole_bytes() throws Exception {
        Random random = new Random(15);
        byte[] buffer = new byte[64 * 1024];
        for (int length : new int[] {0, 1, 4095, 65_535, 65_536, 65_537, 200_000, 683_116}) {
            byte[] bytes = new byte[length];
            random.nextBytes(bytes);
            Path file = folder.resolve("f" + length);
            Files.write(file, bytes);
            assertArrayEquals(SourceFile.fingerprint(bytes, length), BuildCache.fingerprintOf(file, buffer), "length " + length);
            if (length > 0) {
                // A change in the last chunk (a font's last table) changes it.
                bytes[length - 1] ^= 1;
                Files.write(file, bytes);
                byte[] changed = BuildCache.fingerprintOf(file, buffer);
                bytes[length - 1] ^= 1;
                assertFalse(Arrays.equals(SourceFile.fingerprint(bytes, length), changed), "length " + length);
            }
        }
    }
}
