package dev.switchman.slack.compliance;

import dev.switchman.core.compliance.ModuleCompliance;


/** The house rules in this module: no wall-clock reads or sleeps in main code, no package cycles. */
class SlackComplianceTest extends ModuleCompliance {

    SlackComplianceTest() {
        super("dev.switchman.slack");
    }
}
