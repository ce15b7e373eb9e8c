package dev.switchman.discord.compliance;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.switchman.core.compliance.ModuleCompliance;
import org.junit.jupiter.api.Test;

class DiscordComplianceTest extends ModuleCompliance {

    private final JavaClasses discord = classes();

    DiscordComplianceTest() {
        super("dev.switchman.discord");
    }

    @Test
    void discordDependsOnCoreAndItsPlatformLibrariesOnly() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "dev.switchman.app..", "dev.switchman.rules..", "dev.switchman.checks..", "dev.switchman.simulator..",
                        "dev.switchman.slack..", "dev.switchman.console..", "com.slack..", "org.springframework..", "org.drools..", "org.xbill..")
                .because("a chat backend uses core and its own platform library, nothing else of ours")
                .check(discord);
    }

    @Test
    void theRestClientKnowsNothingOfTheBackend() {
        noClasses().that().resideInAPackage("dev.switchman.discord.rest..").should().dependOnClassesThat()
                .resideInAPackage("dev.switchman.discord").because("rest is a leaf: OkHttp and Jackson only").check(discord);
    }
}
