package dev.switchman.discord.compliance;

import dev.switchman.core.compliance.ModuleCompliance;


/** The house rules in this module: no wall-clock reads or sleeps in main code, no package cycles. */
class DiscordComplianceTest extends ModuleCompliance {

    DiscordComplianceTest() {
        super("dev.switchman.discord");
    }
}
