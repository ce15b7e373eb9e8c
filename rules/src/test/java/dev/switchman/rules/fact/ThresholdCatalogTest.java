package dev.switchman.rules.fact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.switchman.core.runbook.ThresholdSpec;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Validation (core's ThresholdSpec) knows exactly the thresholds the rule packs read, and accepts every default. */
class ThresholdCatalogTest {

    @Test
    void validationKnowsEveryThresholdTheRulesReadAndNoOther() {
        assertEquals(Limits.DEFAULTS.keySet(), ThresholdSpec.KNOWN.keySet());
    }

    @Test
    void everyDefaultIsInsideItsRange() {
        for (Map.Entry<String, String> e : Limits.DEFAULTS.entrySet()) {
            assertNull(ThresholdSpec.KNOWN.get(e.getKey()).check(e.getValue()), e.getKey() + ": " + e.getValue());
        }
    }
}
