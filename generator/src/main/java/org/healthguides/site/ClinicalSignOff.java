package org.healthguides.site;

import java.util.ArrayList;
import java.util.List;

import org.healthguides.content.GuideMeta;
import org.healthguides.diagnostics.Code;
import org.healthguides.diagnostics.Problem;

/**
 * Nothing is published that a clinician has not signed off: a guide that is not a draft needs {@code reviewed_by}
 * (who reviewed it, and their role) beside its review dates. Missing, it is a warning, an error under --strict,
 * so the site cannot go live under --strict until a clinician has reviewed it. The dates themselves are
 * {@link ReviewSchedule}'s; drafts are not published and need no sign-off yet. A translation needs its own.
 */
public final class ClinicalSignOff implements GuideCheck {

    /** An original: its own front matter alone. */
    @Override
    public List<Problem> checkGuide(Guide guide, org.healthguides.content.GuideFiles folder, org.healthguides.content.SiteSettings settings,
                                    CheckContext context) {
        GuideMeta meta = guide.meta();
        if (!meta.draft() && meta.reviewedBy() == null) {
            return List.of(Problem.warning(Code.NO_CLINICAL_SIGN_OFF, guide.displayPath(), meta.reviewedLine(),
                    "guide '" + guide.slug() + "' has no clinical sign-off ('reviewed_by'), so it cannot be published with --strict",
                    "when a clinician has reviewed it, add 'reviewed_by: { name: <their name>, role: <their role, e.g. Physiotherapist> }'"
                            + " and set 'reviewed' to that day (see docs/care-cards.md)"));
        }
        return List.of();
    }

    @Override
    public List<Problem> checkRest(Site site, CheckContext context) {
        List<Problem> problems = new ArrayList<>();
        // A translation is new text: a mistranslated red flag is as dangerous as a wrong one, so a clinician who reads
        // the language signs it off too. Its pages name that reviewer, never the original's.
        for (Guide translation : site.translations()) {
            GuideMeta meta = translation.meta();
            if (!meta.draft() && meta.reviewedBy() == null) {
                problems.add(Problem.warning(Code.NO_CLINICAL_SIGN_OFF, translation.displayPath(), 0,
                        "the '" + translation.language() + "' translation of guide '" + translation.slug() + "' has no clinical sign-off of its own"
                                + " ('reviewed_by'), so it cannot be published with --strict",
                        "when a clinician who reads the language has checked it against the original, add 'reviewed_by: { name: …, role: … }'"
                                + " here, or mark it 'draft: true' until then (see docs/languages.md)"));
            }
        }
        return problems;
    }
}
