package dev.switchman.console.compliance;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.switchman.core.compliance.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ConsoleComplianceTest {

    private final JavaClasses console = ArchitectureRules.mainClasses("dev.switchman.console");

    @Test
    void consoleDependsOnCoreAndSpringShellOnly() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "dev.switchman.app..", "dev.switchman.rules..", "dev.switchman.checks..", "dev.switchman.simulator..",
                        "dev.switchman.slack..", "dev.switchman.discord..", "org.drools..", "org.xbill..")
                .because("a chat backend uses core and its own platform library, nothing else of ours")
                .check(console);
    }

    @Test
    void consoleMainCodeNeverReadsTheWallClock() {
        ArchitectureRules.NO_WALL_CLOCK.check(console);
    }
}
