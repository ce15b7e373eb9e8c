package dev.switchman.checks.compliance;

import dev.switchman.core.compliance.ModuleCompliance;
import java.util.Map;

/** The house rules in this module: no wall-clock reads or sleeps in main code (but the listed classes, with why), no package cycles. */
class ChecksComplianceTest extends ModuleCompliance {

    ChecksComplianceTest() {
        super("dev.switchman.checks");
    }

    @Override
    protected Map<String, String> wallClockAllowed() {
        return Map.of(
                "dev.switchman.checks.bench.DnsFanoutBench", "a benchmark: elapsed wall time is what it measures",
                "dev.switchman.checks.bench.DnsperfPeer", "a benchmark beside dnsperf: elapsed wall time is what it measures",
                "dev.switchman.checks.mail.PyspfPeer", "a benchmark beside pyspf: elapsed wall time per evaluation is what it measures",
                "dev.switchman.checks.dns.Deadline", "a live query's timeout runs in real time: the server answers on the wall clock",
                "dev.switchman.checks.http.HttpProbeProvider", "measures a live request's latency in real time",
                "dev.switchman.checks.http.HopClient", "measures time to first byte and total time of a live request",
                "dev.switchman.checks.ssh.SshHostKeyProvider", "a live SSH handshake's deadline runs in real time");
    }
}
