package org.healthguides.site;

import java.util.List;

import org.healthguides.content.SiteSettings;
import org.healthguides.diagnostics.Problem;

/**
 * The whole site as a model, ready to render.
 *
 * @param guides   sorted by title
 * @param warnings problems that do not stop the build
 */
public record Site(SiteSettings settings, List<Guide> guides, List<Problem> warnings) {
}
