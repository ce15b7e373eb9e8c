package dev.switchman.checks.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchman.checks.dns.Deadline;
import dev.switchman.checks.dns.DnsClient;
import dev.switchman.checks.testing.ConformanceData;
import dev.switchman.checks.testing.DnsTestServer;
import dev.switchman.checks.testing.Zone;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * mail.spf's evaluator against pyspf (Debian python3-spf) on the SPF suites: both ask the same loopback
 * DNS server per section; same verdicts, and time per evaluation as a ratio. Skipped when
 * /usr/bin/python3 (or $SWITCHMAN_PYTHON) cannot import spf, and unless asked for (it takes a minute).
 * Figures: target/bench/spf-vs-pyspf.txt. Run: {@code ./mvnw -pl bot/checks verify -Dbench.pyspf=true
 * -Dit.test=SpfVersusPyspfIT -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false}
 */
class SpfVersusPyspfIT {

    private static final int REPEAT = 5;

    @Test
    void sameVerdictsAsPyspfAndTimePerEvaluation() throws Exception {
        assumeTrue(Boolean.getBoolean("bench.pyspf") || "true".equals(System.getenv("SWITCHMAN_BENCH_PYSPF")),
                "a benchmark (about a minute): run with -Dbench.pyspf=true");
        String python = System.getenv().getOrDefault("SWITCHMAN_PYTHON", "/usr/bin/python3");
        assumeTrue(run(List.of(python, "-c", "import spf, DNS")) == 0, python + " cannot import pyspf (apt-get install python3-spf)");
        Path script = ConformanceData.projectRoot().resolve("bench/spf-vs-pyspf.py");
        Path dir = ConformanceData.dir("spf");
        List<DnsTestServer> servers = new ArrayList<>();
        List<Map<String, Object>> cases = new ArrayList<>();
        Map<String, DnsClient> clients = new LinkedHashMap<>();
        try {
            for (String suite : SpfConformanceIT.SUITES) {
                for (SpfSuite.Section section : SpfSuite.read(dir.resolve(suite))) {
                    Zone zone = section.zone().timeoutMode(Zone.TimeoutMode.DROP);
                    DnsTestServer server = DnsTestServer.start(zone);
                    servers.add(server);
                    for (SpfSuite.Case c : section.cases()) {
                        String id = suite + " / " + section.description() + " / " + c.name();
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("id", id);
                        m.put("port", server.port());
                        m.put("host", c.host());
                        m.put("mailfrom", c.mailfrom());
                        m.put("helo", c.helo());
                        m.put("expected", c.results());
                        cases.add(m);
                        clients.put(id, DnsClient.of(List.of(server.address()), Duration.ofMillis(250), 64));
                    }
                }
            }
            ObjectMapper json = new ObjectMapper();
            Path work = Files.createDirectories(Path.of("target", "bench"));
            Path in = work.resolve("spf-cases.json");
            Path out = work.resolve("pyspf-results.json");
            json.writeValue(in.toFile(), cases);
            assertEquals(0, run(List.of(python, script.toString(), in.toString(), out.toString(), String.valueOf(REPEAT))), "pyspf run failed");
            List<Map<String, Object>> theirs = json.readValue(out.toFile(), json.getTypeFactory().constructCollectionType(List.class, Map.class));

            for (Map<String, Object> c : cases) { // warm-up
                evaluate(c, clients.get((String) c.get("id")));
            }
            int same = 0;
            List<String> differ = new ArrayList<>();
            double oursFast = 0;
            double theirsFast = 0;
            int slow = 0;
            double oursTotal = 0;
            double theirsTotal = 0;
            List<Double> ratios = new ArrayList<>();
            List<Double> oursUs = new ArrayList<>();
            List<Double> theirsUs = new ArrayList<>();
            for (int i = 0; i < cases.size(); i++) {
                Map<String, Object> c = cases.get(i);
                double[] t = new double[REPEAT];
                String result = null;
                for (int r = 0; r < REPEAT; r++) {
                    long t0 = System.nanoTime();
                    result = evaluate(c, clients.get((String) c.get("id"))).result().rfcName();
                    t[r] = (System.nanoTime() - t0) / 1e3;
                }
                Arrays.sort(t);
                double ours = t[REPEAT / 2];
                Map<String, Object> p = theirs.get(i);
                double py = ((Number) p.get("us")).doubleValue();
                String pyResult = String.valueOf(p.get("result"));
                if (pyResult.equals(result)) {
                    same++;
                } else {
                    differ.add(c.get("id") + ": switchman " + result + ", pyspf " + pyResult + ", suite expects " + c.get("expected"));
                }
                if (ours < 100_000 && py < 100_000) {
                    oursFast += ours;
                    theirsFast += py;
                } else {
                    slow++;
                }
                oursTotal += ours;
                theirsTotal += py;
                oursUs.add(ours);
                theirsUs.add(py);
                ratios.add(py / ours);
            }
            StringBuilder sb = new StringBuilder();
            sb.append(String.format("mail.spf vs pyspf %s on %d cases (%d suites, loopback DNS, median of %d runs each)%n",
                    "2.0.14", cases.size(), SpfConformanceIT.SUITES.length, REPEAT));
            sb.append(String.format("same verdict: %d, different: %d%n", same, differ.size()));
            differ.forEach(d -> sb.append("  differs: ").append(d).append('\n'));
            sb.append(String.format("median time per evaluation: switchman %.0f us, pyspf %.0f us%n", median(oursUs), median(theirsUs)));
            sb.append(String.format("total time (timeouts: switchman asks twice at 250 ms, pyspf once at 250 ms): switchman %.1f ms, pyspf %.1f ms, pyspf/switchman = %.2f%n", oursTotal / 1e3, theirsTotal / 1e3, theirsTotal / oursTotal));
            sb.append(String.format("without the %d cases that wait for DNS timeouts (either side > 100 ms): switchman %.1f ms, pyspf %.1f ms, pyspf/switchman = %.2f%n",
                    slow, oursFast / 1e3, theirsFast / 1e3, theirsFast / oursFast));
            sb.append(String.format("median per-case ratio pyspf/switchman = %.2f%n", median(ratios)));
            System.out.print(sb);
            Files.writeString(work.resolve("spf-vs-pyspf.txt"), sb.toString());
        } finally {
            servers.forEach(DnsTestServer::close);
        }
    }

    private static SpfEvaluator.Outcome evaluate(Map<String, Object> c, DnsClient dns) {
        return new SpfEvaluator(dns, Deadline.after(Duration.ofSeconds(20)), null, 0, "DEFAULT")
                .evaluate((String) c.get("host"), (String) c.get("mailfrom"), (String) c.get("helo"), null);
    }

    private static double median(List<Double> v) {
        List<Double> s = new ArrayList<>(v);
        s.sort(Double::compare);
        return s.isEmpty() ? 0 : s.get(s.size() / 2);
    }

    private static int run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).inheritIO().start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }
}
