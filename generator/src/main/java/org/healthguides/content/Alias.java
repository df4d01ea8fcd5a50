package org.healthguides.content;

/**
 * An old address of a page, from {@code aliases:} in its front matter: relative to the guide's folder
 * ("old-section/") or, starting with '/', to the site's base path ("/other/old/path/").
 *
 * @param address as written
 * @param line    where it is written, for messages
 */
public record Alias(String address, int line) {
}
