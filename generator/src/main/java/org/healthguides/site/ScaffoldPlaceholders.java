package org.healthguides.site;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.healthguides.content.GuideFiles;
import org.healthguides.content.ScaffoldMarker;
import org.healthguides.content.SourceFile;
import org.healthguides.diagnostics.Code;
import org.healthguides.diagnostics.Problem;

/**
 * Scaffolds never publish: {@code guide new} writes its placeholders with the word PLACEHOLDER (in capitals, in the
 * front matter and the body), and a guide or section that is no longer a draft must have none left. Drafts may
 * hold them: they are not published.
 */
public final class ScaffoldPlaceholders implements GuideCheck {
    /** The word every placeholder of the scaffold (org/healthguides/scaffold/) holds. */
    public static final String MARKER = ScaffoldMarker.WORD;

    /** An original's own files, unless it is a draft; of its sections, those that are not drafts. */
    @Override
    public List<Problem> checkGuide(Guide guide, GuideFiles folder, org.healthguides.content.SiteSettings settings, CheckContext context) {
        if (guide.meta().draft() || folder == null) {
            return List.of();
        }
        Set<String> published = new HashSet<>();
        published.add(guide.displayPath());
        guide.sections().stream().filter(s -> !s.meta().draft()).forEach(s -> published.add(s.displayPath()));
        List<Problem> problems = new ArrayList<>();
        check(folder.index(), published, problems);
        folder.sections().forEach(section -> check(section, published, problems));
        return problems;
    }

    /** Nothing else: a translation's files are not searched. */
    @Override
    public List<Problem> checkRest(Site site, CheckContext context) {
        return List.of();
    }

    /** {@code text.contains(MARKER)}, quickly (see {@link ScaffoldMarker#in(String)}). */
    static boolean holdsMarker(String text) {
        return ScaffoldMarker.in(text);
    }

    private static void check(SourceFile file, Set<String> published, List<Problem> problems) {
        // An unchanged file of a rebuild is not decoded (see SourceFile): the build cache knows whether it holds the marker.
        if (!published.contains(file.displayPath()) || !file.holdsScaffoldMarker()) {
            return;
        }
        String[] lines = file.text().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(MARKER)) {
                problems.add(Problem.error(Code.SCAFFOLD_PLACEHOLDER, file.displayPath(), i + 1, "scaffold placeholder text is still here, and this page is not a draft",
                        "replace the " + MARKER + " text with the guide's own words, or put 'draft: true' back in the front matter"));
            }
        }
    }
}
