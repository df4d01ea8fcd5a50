package org.healthguides.render;

/** A link to another page, as navigation shows it. {@code url} is relative to the page it appears on. */
public record PageLink(String title, String url, String description, boolean current) {
}
