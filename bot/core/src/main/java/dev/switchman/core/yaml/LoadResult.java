package dev.switchman.core.yaml;

import java.util.List;
import java.util.Optional;

/**
 * What a loader returns: the loaded value (null when there is any ERROR) and every problem found,
 * errors and warnings, in file/line/column order.
 */
public record LoadResult<T>(T value, List<Problem> problems) {

    public LoadResult {
        problems = problems == null ? List.of() : List.copyOf(problems);
    }

    /** The value when there are no errors; null problems collected so far are kept. */
    public static <T> LoadResult<T> of(T value, Problems problems) {
        return new LoadResult<>(problems.hasErrors() ? null : value, problems.all());
    }

    /** True when there is no ERROR (warnings allowed). */
    public boolean ok() {
        return value != null && errors().isEmpty();
    }

    public Optional<T> get() {
        return Optional.ofNullable(value);
    }

    public List<Problem> errors() {
        return problems.stream().filter(Problem::isError).toList();
    }

    public List<Problem> warnings() {
        return problems.stream().filter(p -> !p.isError()).toList();
    }
}
