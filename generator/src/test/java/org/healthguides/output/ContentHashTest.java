package org.healthguides.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class ContentHashTest {
    private static final byte[] CSS = "body { margin: 0 }\n".getBytes(StandardCharsets.UTF_8);

    @Test
    void the_hash_goes_before_the_extension_and_is_the_start_of_the_sha256() {
        // sha256("abc") = ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad
        assertEquals("ba7816bf", ContentHash.of("abc".getBytes(StandardCharsets.US_ASCII)));
        String name = ContentHash.hashedName("static/style.css", CSS);
        assertTrue(name.matches("static/style\\.[0-9a-f]{8}\\.css"), name);
        assertEquals("static/fonts.d/LICENSE." + ContentHash.of(CSS), ContentHash.hashedName("static/fonts.d/LICENSE", CSS));
        assertEquals("static/.htaccess." + ContentHash.of(CSS), ContentHash.hashedName("static/.htaccess", CSS));
    }

    @Test
    void changed_content_gets_a_new_name_and_the_same_content_the_same_name() {
        byte[] changed = "body { margin: 1px }\n".getBytes(StandardCharsets.UTF_8);
        assertEquals(ContentHash.hashedName("static/style.css", CSS), ContentHash.hashedName("static/style.css", CSS.clone()));
        assertNotEquals(ContentHash.hashedName("static/style.css", CSS), ContentHash.hashedName("static/style.css", changed));
    }
}
