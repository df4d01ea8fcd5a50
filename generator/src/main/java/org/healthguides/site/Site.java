package org.healthguides.site;

import java.util.List;

import org.healthguides.content.SiteSettings;
import org.healthguides.diagnostics.Problem;

/**
 * The whole site as a model, ready to render.
 *
 * @param guides   sorted by title
 * @param warnings problems that do not stop the build
 * @param drafts   every guide and section marked {@code draft: true}, built or left out, sorted by file
 */
public record Site(SiteSettings settings, List<Guide> guides, List<Problem> warnings, List<Draft> drafts) {

    public Site(SiteSettings settings, List<Guide> guides, List<Problem> warnings) {
        this(settings, guides, warnings, List.of());
    }

    /** The drafts this build left out, by file: what the summary line names. */
    public List<String> draftsLeftOut() {
        return drafts.stream().filter(Draft::leftOut).map(Draft::displayPath).toList();
    }
}
