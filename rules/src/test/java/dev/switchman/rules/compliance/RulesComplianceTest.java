package dev.switchman.rules.compliance;

import dev.switchman.core.compliance.ModuleCompliance;
import java.util.Map;

/** The house rules in this module: no wall-clock reads or sleeps in main code (but the listed classes, with why), no package cycles. */
class RulesComplianceTest extends ModuleCompliance {

    RulesComplianceTest() {
        super("dev.switchman.rules");
    }

    @Override
    protected Map<String, String> wallClockAllowed() {
        return Map.of("dev.switchman.rules.bench.RulesBenchmark", "a benchmark: elapsed wall time is what it measures");
    }
}
