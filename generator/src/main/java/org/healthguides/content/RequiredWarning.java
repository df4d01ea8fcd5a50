package org.healthguides.content;

import java.util.List;

/**
 * A warning a guide must carry, declared in its front matter: a callout of {@code kind} in {@code section}
 * whose text mentions every phrase in {@code mentions} (case-insensitive), so that no red-flag sign can be
 * deleted by accident.
 *
 * @param section a section slug, or "index" for the guide's own page
 * @param line    where it is declared, for messages
 */
public record RequiredWarning(String name, String kind, String section, List<String> mentions, int line) {
}
