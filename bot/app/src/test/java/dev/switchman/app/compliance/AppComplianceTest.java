package dev.switchman.app.compliance;

import dev.switchman.core.compliance.ArchitectureRules;
import org.junit.jupiter.api.Test;

class AppComplianceTest {

    @Test
    void appMainCodeNeverReadsTheWallClock() {
        ArchitectureRules.NO_WALL_CLOCK.check(ArchitectureRules.mainClasses("dev.switchman.app"));
    }
}
