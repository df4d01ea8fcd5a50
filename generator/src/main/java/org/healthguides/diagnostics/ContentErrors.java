package org.healthguides.diagnostics;

import java.util.List;

/** Thrown when a stage found errors the editor must fix; carries every problem found, not just the first. */
public final class ContentErrors extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient List<Problem> problems;

    public ContentErrors(List<Problem> problems) {
        super(problems.isEmpty() ? "content errors" : problems.get(0).toString(), null, false, false);
        this.problems = problems.stream().sorted(Problem.BY_LOCATION).toList();
    }

    public ContentErrors(Problem problem) {
        this(List.of(problem));
    }

    public List<Problem> problems() {
        return problems;
    }
}
