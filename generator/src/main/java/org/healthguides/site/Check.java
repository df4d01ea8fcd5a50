package org.healthguides.site;

import java.util.List;

import org.healthguides.diagnostics.Problem;

/**
 * One editorial rule, run on the assembled site by every command that reads content ({@code build}, {@code check},
 * {@code serve}, {@code report}). A rule finds problems and returns them; it never throws for content and
 * never changes the site. Rules are listed in {@link Checks}: a new rule is one class and one line there.
 */
public interface Check {

    /** Problems this rule finds: errors stop the build, warnings are reported (errors under --strict). */
    List<Problem> check(Site site, CheckContext context);
}
