package dev.switchman.console.compliance;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.switchman.core.compliance.ModuleCompliance;
import org.junit.jupiter.api.Test;

class ConsoleComplianceTest extends ModuleCompliance {

    private final JavaClasses console = classes();

    ConsoleComplianceTest() {
        super("dev.switchman.console");
    }

    @Test
    void consoleDependsOnCoreAndSpringShellOnly() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "dev.switchman.app..", "dev.switchman.rules..", "dev.switchman.checks..", "dev.switchman.simulator..",
                        "dev.switchman.slack..", "dev.switchman.discord..", "org.drools..", "org.xbill..")
                .because("a chat backend uses core and its own platform library, nothing else of ours")
                .check(console);
    }
}
