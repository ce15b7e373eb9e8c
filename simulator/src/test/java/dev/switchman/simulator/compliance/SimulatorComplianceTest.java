package dev.switchman.simulator.compliance;

import dev.switchman.core.compliance.ModuleCompliance;
import java.util.Map;

/** The house rules in this module: no wall-clock reads or sleeps in main code (but the listed classes, with why), no package cycles. */
class SimulatorComplianceTest extends ModuleCompliance {

    SimulatorComplianceTest() {
        super("dev.switchman.simulator");
    }

    @Override
    protected Map<String, String> wallClockAllowed() {
        return Map.of("dev.switchman.simulator.replay.Replayer",
                "reports how long a replay took on the wall clock (wall_ms, what the replay benchmark measures)");
    }
}
