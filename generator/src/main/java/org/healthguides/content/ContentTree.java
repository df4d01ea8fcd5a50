package org.healthguides.content;

import java.util.List;

import org.healthguides.diagnostics.Problem;

/**
 * Everything read from the content folder, before any parsing.
 *
 * @param settings the site settings file
 * @param guides   one entry per folder holding an {@code index.md}, sorted by slug
 * @param problems files that could not be read or belong to no guide
 */
public record ContentTree(SourceFile settings, List<GuideFiles> guides, List<Problem> problems) {
}
