package org.healthguides.site;

import java.util.List;

import org.healthguides.diagnostics.Code;
import org.healthguides.diagnostics.Problem;

/** Every page shows the site's disclaimer (general information, who to call in an emergency); a site without one is warned. */
public final class Disclaimer implements Check {
    @Override
    public List<Problem> check(Site site, CheckContext context) {
        if (!site.settings().disclaimer().isBlank()) {
            return List.of();
        }
        return List.of(Problem.warning(Code.NO_DISCLAIMER, context.tree().settings().displayPath(), 0, "no 'disclaimer' is set",
                "add 'disclaimer: …' saying the guides are general information and who to call in an emergency; every page shows it"));
    }
}
