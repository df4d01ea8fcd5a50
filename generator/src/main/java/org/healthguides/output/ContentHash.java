package org.healthguides.output;

import java.util.HexFormat;

/**
 * Names an asset by its content ("static/style.css" → "static/style.3f9c2a1b.css"), so a host can cache it
 * forever: a changed file gets a new name, and the pages that link to it are rebuilt with it.
 */
public final class ContentHash {
    private ContentHash() {
    }

    /** The first 8 hex digits of the SHA-256 of the bytes. */
    public static String of(byte[] bytes) {
        return HexFormat.of().formatHex(Sha256.digest(bytes), 0, 4);
    }

    /** The path with the hash before the extension (or at the end when there is none). */
    public static String hashedName(String sitePath, byte[] bytes) {
        int slash = sitePath.lastIndexOf('/');
        int dot = sitePath.lastIndexOf('.');
        String hash = of(bytes);
        return dot > slash + 1 ? sitePath.substring(0, dot) + "." + hash + sitePath.substring(dot) : sitePath + "." + hash;
    }
}
