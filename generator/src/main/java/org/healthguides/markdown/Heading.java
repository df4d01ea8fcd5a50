package org.healthguides.markdown;

/** A heading of the content, for the "on this page" list and anchor links. */
public record Heading(int level, String id, String text, int line) {
}
