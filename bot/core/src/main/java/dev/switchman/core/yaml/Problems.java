package dev.switchman.core.yaml;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Collects every problem found while loading, so a user sees all of them at once rather than the
 * first only. Not thread-safe: one collector per load.
 */
public final class Problems {

    private final List<Problem> list = new ArrayList<>();

    public void error(SourceLocation at, String message) {
        list.add(Problem.error(at, message));
    }

    public void warning(SourceLocation at, String message) {
        list.add(Problem.warning(at, message));
    }

    public void add(Problem problem) {
        list.add(problem);
    }

    public void addAll(Collection<Problem> problems) {
        list.addAll(problems);
    }

    public boolean hasErrors() {
        return list.stream().anyMatch(Problem::isError);
    }

    public int errorCount() {
        return (int) list.stream().filter(Problem::isError).count();
    }

    /** All problems in file/line/column order (stable for problems at the same place). */
    public List<Problem> all() {
        List<Problem> sorted = new ArrayList<>(list);
        sorted.sort(Problem.BY_POSITION);
        return List.copyOf(sorted);
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }
}
