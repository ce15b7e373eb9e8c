package dev.switchman.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every scenario shipped under runbooks/ replays with the real engine and Drools rules, and all its expectations hold. */
class ScenarioLibraryTest {

    static Stream<Path> scenarios() {
        return ProjectPaths.scenarios().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void everyExpectationOfTheLibraryHolds(Path file) {
        Rehearsal.Outcome o = Rehearsal.run(file, Rehearsal.Options.defaults());
        assertEquals(Rehearsal.PASSED, o.exitCode(), o::output);
    }
}
