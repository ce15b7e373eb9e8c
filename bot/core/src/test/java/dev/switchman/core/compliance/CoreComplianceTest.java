package dev.switchman.core.compliance;

import static org.junit.jupiter.api.Assertions.assertThrows;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Core obeys the house rules: no framework or JDBC imports, no wall-clock reads in main code, no package cycles. */
class CoreComplianceTest extends ModuleCompliance {

    CoreComplianceTest() {
        super("dev.switchman.core");
    }

    @Override
    protected Map<String, String> wallClockAllowed() {
        return Map.of("dev.switchman.core.chat.TranscriptBackend",
                "await() waits for a message from the bot's own threads, with a real timeout so a test fails instead of hanging");
    }

    @Test
    void coreImportsNothingFromSpringSlackJdaDroolsKieOrDnsjava() {
        ArchitectureRules.CORE_IMPORTS_NO_FRAMEWORKS.check(classes());
    }

    @Test
    void coreImportsNoJdbc() {
        ArchitectureRules.CORE_IMPORTS_NO_JDBC.check(classes());
    }

    @Test
    void theWallClockRuleCatchesAnInstantNowCallASleepAndNanoTime() {
        for (Class<?> bad : new Class<?>[] {WallClockReader.class, Sleeper.class, Stopwatch.class}) {
            JavaClasses classes = new ClassFileImporter().importClasses(bad);
            assertThrows(AssertionError.class, () -> ArchitectureRules.NO_WALL_CLOCK.check(classes), bad.getSimpleName());
        }
    }

    @Test
    void theCycleRuleCatchesTwoPackagesUsingEachOther() {
        JavaClasses classes = new ClassFileImporter().importPackages("dev.switchman.core.compliance.cycle");
        assertThrows(AssertionError.class, () -> ArchitectureRules.NO_PACKAGE_CYCLES.check(classes));
    }

    /** Breaks the rule on purpose. */
    static final class WallClockReader {
        java.time.Instant read() {
            return java.time.Instant.now();
        }
    }

    /** Breaks the rule on purpose. */
    static final class Sleeper {
        void pause() throws InterruptedException {
            Thread.sleep(1);
        }
    }

    /** Breaks the rule on purpose. */
    static final class Stopwatch {
        long read() {
            return System.nanoTime();
        }
    }
}
