package org.healthguides.site;

import java.util.ArrayList;
import java.util.List;

import org.healthguides.diagnostics.Code;
import org.healthguides.diagnostics.Problem;
import org.healthguides.markdown.ContentLink;
import org.healthguides.markdown.RenderedMarkdown;

/**
 * A published page never links to a draft: in a published build the draft is not there, and in the preview the
 * link would work only until publishing. Checked in every command, naming both files.
 */
public final class DraftLinks implements Check {

    @Override
    public List<Problem> check(Site site, CheckContext context) {
        List<Problem> problems = new ArrayList<>();
        if (site.drafts().isEmpty()) {
            return problems;
        }
        for (Guide guide : site.guides()) {
            if (guide.meta().draft()) {
                continue;
            }
            check(guide.displayPath(), guide.introduction(), site.drafts(), problems);
            for (SectionPage section : guide.sections()) {
                if (!section.meta().draft()) {
                    check(section.displayPath(), section.content(), site.drafts(), problems);
                }
            }
        }
        return problems;
    }

    private static void check(String file, RenderedMarkdown content, List<Draft> drafts, List<Problem> problems) {
        for (ContentLink link : content.links()) {
            if (!link.isInternal()) {
                continue;
            }
            for (Draft draft : drafts) {
                if (draft.holds(link.targetPath())) {
                    problems.add(Problem.error(Code.LINK_TO_DRAFT, file, link.line(),
                            "link '" + link.written() + "' leads to " + draft.displayPath() + ", which is a draft (draft: true) and is never published",
                            "remove the link until the draft is ready, or finish " + draft.displayPath() + " and remove its 'draft: true'"));
                    break;
                }
            }
        }
    }
}
