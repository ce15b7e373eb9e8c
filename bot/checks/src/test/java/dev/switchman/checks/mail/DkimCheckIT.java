package dev.switchman.checks.mail;

import static dev.switchman.checks.testing.Requests.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.switchman.checks.testing.ConformanceData;
import dev.switchman.checks.testing.DnsTestServer;
import dev.switchman.checks.testing.Zone;
import dev.switchman.core.check.CheckResult;
import dev.switchman.core.check.CheckStatus;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Mail::DKIM's FAKE_DNS.dat served from a loopback DNS server, each selector looked up by mail.dkim:
 * the DNS sentinels become FAIL (NXDOMAIN), UNKNOWN (timeout) and ERROR (SERVFAIL); keys are graded.
 */
class DkimCheckIT {

    private static DnsTestServer server;

    @TestFactory
    Stream<DynamicTest> fakeDnsCorpusThroughTheCheck() throws IOException {
        List<DkimCorpus.Entry> entries = DkimCorpus.read(ConformanceData.dir("dkim")).stream()
                .filter(e -> e.source().equals("Mail::DKIM")).toList();
        Zone zone = new Zone();
        for (DkimCorpus.Entry e : entries) {
            if (e.sentinel() == null) {
                zone.txt(e.name(), e.record());
            } else if (e.sentinel().equals("TIMEOUT")) {
                zone.timeout(e.name(), Set.of());
            } else if (e.sentinel().equals("SERVFAIL")) {
                zone.servfail(e.name());
            }
        }
        server = DnsTestServer.start(zone);
        List<DynamicTest> tests = new ArrayList<>();
        for (DkimCorpus.Entry e : entries) {
            String selector = e.name().substring(0, e.name().indexOf("._domainkey."));
            String domain = e.name().substring(e.name().indexOf("._domainkey.") + "._domainkey.".length());
            tests.add(dynamicTest(e.name(), () -> {
                CheckResult r = new DkimCheck().run(request("mail.dkim", Map.of("domain", domain, "selector", selector), server.hostPort()));
                DkimKeyRecord parsed = e.sentinel() == null ? DkimKeyRecord.parse(e.record()) : null;
                CheckStatus expected = e.sentinel() != null
                        ? switch (e.sentinel()) {
                            case "TIMEOUT" -> CheckStatus.UNKNOWN;
                            case "SERVFAIL" -> CheckStatus.ERROR;
                            default -> CheckStatus.FAIL;
                        }
                        : !parsed.valid() ? CheckStatus.FAIL
                        : parsed.keyType().equals("ed25519") || parsed.keyBits() >= 2048 ? CheckStatus.PASS
                        : parsed.keyBits() >= 1024 ? CheckStatus.WARN : CheckStatus.FAIL;
                assertEquals(expected, r.status(), r.message());
                if (parsed != null && parsed.valid()) {
                    assertEquals(parsed.keyBits(), r.observations().get("key-bits"));
                }
            }));
        }
        return tests.stream();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }
}
