package dev.switchman.simulator;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchman.simulator.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ScenarioFilesLoadTest {

    static Stream<Path> scenarios() {
        return ProjectPaths.scenarios().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void everyScenarioInTheLibraryValidates(Path file) {
        ScenarioLoader.Result r = ScenarioLoader.load(file);
        assertTrue(r.ok(), () -> String.join("\n", r.problems().stream().map(Object::toString).toList()));
    }
}
