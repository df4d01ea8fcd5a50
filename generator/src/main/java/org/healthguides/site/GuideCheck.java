package org.healthguides.site;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.healthguides.content.GuideFiles;
import org.healthguides.content.SiteSettings;
import org.healthguides.diagnostics.Problem;

/**
 * A {@link Check} part of whose findings are each about one original guide (not a translation) and come from nothing but
 * that guide's own folder, the site's settings and the options: its {@link #checkGuide} findings. The assembler runs
 * that part on each original as it is assembled, so the build cache can keep a guide's findings with its model under
 * the key of exactly those inputs, and take them back with it; {@link #checkRest} is everything else the check finds
 * (translations, anything read across guides or from the date), run over the whole site every build.
 */
public interface GuideCheck extends Check {

    /**
     * What this check finds about one original guide, reading only the guide, its folder, the settings and the content
     * folder's name in {@code context} (never its date, its tree or another guide).
     */
    List<Problem> checkGuide(Guide guide, GuideFiles folder, SiteSettings settings, CheckContext context);

    /** Every finding of this check but those {@link #checkGuide} makes about the site's originals. */
    List<Problem> checkRest(Site site, CheckContext context);

    /** Both parts, over the whole site. */
    @Override
    default List<Problem> check(Site site, CheckContext context) {
        Map<String, GuideFiles> folders = new HashMap<>();
        context.tree().guides().forEach(files -> folders.put(files.slug(), files));
        List<Problem> problems = new ArrayList<>();
        for (Guide guide : site.guides()) {
            problems.addAll(checkGuide(guide, folders.get(guide.slug()), site.settings(), context));
        }
        problems.addAll(checkRest(site, context));
        return problems;
    }
}
