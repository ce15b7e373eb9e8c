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
        return Map.ofEntries(
                Map.entry("dev.switchman.checks.bench.DnsFanoutBench", "a benchmark: elapsed wall time is what it measures"),
                Map.entry("dev.switchman.checks.bench.DnsperfPeer", "a benchmark beside dnsperf: elapsed wall time is what it measures"),
                Map.entry("dev.switchman.checks.mail.PyspfPeer", "a benchmark beside pyspf: elapsed wall time per evaluation is what it measures"),
                Map.entry("dev.switchman.checks.dns.Deadline", "a live query's timeout runs in real time: the server answers on the wall clock"),
                Map.entry("dev.switchman.checks.http.HttpProbeProvider", "measures a live request's latency in real time"),
                Map.entry("dev.switchman.checks.http.HopClient", "measures time to first byte and total time of a live request"),
                Map.entry("dev.switchman.checks.ssh.SshHostKeyProvider", "a live SSH handshake's deadline runs in real time"),
                Map.entry("dev.switchman.checks.bench.ParityBench", "a benchmark: elapsed wall time is what it measures"),
                Map.entry("dev.switchman.checks.db.ParityCheck", "the comparison's deadline runs in real time: the databases work on the wall clock"),
                Map.entry("dev.switchman.checks.db.RangeParity", "checks the live comparison's real-time deadline between queries"),
                Map.entry("dev.switchman.checks.egress.EgressTcpCheck", "measures a live connect's and handshake's milliseconds"));
    }
}
