package dev.switchman.core.compliance;

import static org.junit.jupiter.api.Assertions.assertThrows;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Core obeys the house rules: no framework imports, no wall-clock reads in main code. */
class CoreComplianceTest {

    static JavaClasses core;

    @BeforeAll
    static void importCore() {
        core = ArchitectureRules.mainClasses("dev.switchman.core");
    }

    @Test
    void coreImportsNothingFromSpringSlackJdaDroolsKieOrDnsjava() {
        ArchitectureRules.CORE_IMPORTS_NO_FRAMEWORKS.check(core);
    }

    @Test
    void coreMainCodeNeverReadsTheWallClock() {
        ArchitectureRules.NO_WALL_CLOCK.check(core);
    }

    @Test
    void theWallClockRuleCatchesAnInstantNowCall() {
        JavaClasses bad = new ClassFileImporter().importClasses(WallClockReader.class);
        assertThrows(AssertionError.class, () -> ArchitectureRules.NO_WALL_CLOCK.check(bad));
    }

    /** Breaks the rule on purpose. */
    static final class WallClockReader {
        java.time.Instant read() {
            return java.time.Instant.now();
        }
    }
}
