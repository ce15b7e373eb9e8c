package dev.switchman.app.compliance;

import dev.switchman.core.compliance.ModuleCompliance;

/** The house rules in the app: no wall-clock reads or sleeps in main code, no package cycles. */
class AppComplianceTest extends ModuleCompliance {

    AppComplianceTest() {
        super("dev.switchman.app");
    }

    @Override
    protected java.util.Map<String, String> wallClockAllowed() {
        return java.util.Map.of("dev.switchman.app.serve.SlackChatBenchmark", "a benchmark: measures acknowledgement latency in wall time");
    }
}
