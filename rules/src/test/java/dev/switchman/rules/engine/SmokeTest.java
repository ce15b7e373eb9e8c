package dev.switchman.rules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.switchman.core.check.CheckStatus;
import dev.switchman.core.decision.DecisionKind;
import dev.switchman.rules.Fixture;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SmokeTest {
    @Test
    void goWhenTheOnlyCheckPasses() {
        Fixture f = new Fixture().check("www", "http.probe", Duration.ofSeconds(10)).open();
        f.result("www", "http.probe", CheckStatus.PASS, "status", 200);
        assertEquals(DecisionKind.GO, Fixture.gateVerdict(f.gate("www")).kind());
    }
}
