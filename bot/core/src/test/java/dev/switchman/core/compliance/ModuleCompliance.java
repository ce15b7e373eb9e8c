package dev.switchman.core.compliance;

import com.tngtech.archunit.core.domain.JavaClasses;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The house rules every module keeps, as a test to extend: name the module's root package, and list
 * the classes that may measure real elapsed time with the reason. A module without main code yet (a
 * backend still to be written) passes, and is held to the rules from its first class.
 *
 * <pre>{@code
 * class ChecksComplianceTest extends ModuleCompliance {
 *     ChecksComplianceTest() { super("dev.switchman.checks"); }
 * }
 * }</pre>
 */
public abstract class ModuleCompliance {

    private final JavaClasses classes;

    protected ModuleCompliance(String rootPackage) {
        this.classes = ArchitectureRules.mainClasses(rootPackage);
    }

    /** The module's main classes. */
    protected JavaClasses classes() {
        return classes;
    }

    /** Classes allowed to read the wall clock (fully qualified name -> why); none by default. */
    protected Map<String, String> wallClockAllowed() {
        return Map.of();
    }

    @Test
    void mainCodeNeverReadsTheWallClockOrSleeps() {
        ArchitectureRules.noWallClockExcept(wallClockAllowed()).allowEmptyShould(true).check(classes);
    }

    @Test
    void packagesHaveNoCycles() {
        ArchitectureRules.NO_PACKAGE_CYCLES.allowEmptyShould(true).check(classes);
    }
}
