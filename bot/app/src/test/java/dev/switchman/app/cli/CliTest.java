package dev.switchman.app.cli;

import dev.switchman.app.config.ConsoleOptions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CliTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final List<ConsoleOptions> booted = new ArrayList<>();

    private int run(String stdin, String... args) {
        Cli cli = new Cli(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                options -> {
                    booted.add(options);
                    return 0;
                }, Clock.systemUTC());
        return cli.run(args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void noArgumentsStartsTheInteractiveConsole() {
        assertEquals(0, run(""));
        assertEquals(1, booted.size());
        assertTrue(booted.get(0).interactive());
    }

    @Test
    void asAndRunbooksGoToTheConsole() {
        assertEquals(0, run("", "--as", "carol", "--runbooks", "/tmp/rb"));
        assertEquals("carol", booted.get(0).as());
        assertEquals(List.of("/tmp/rb"), booted.get(0).runbookDirs());
    }

    @Test
    void unknownSubcommandIsNamedWithExitOne() {
        assertEquals(1, run("", "frobnicate"));
        assertTrue(err().contains("unknown command 'frobnicate'"), err());
        assertTrue(booted.isEmpty());
    }

    @Test
    void unknownOptionIsNamedWithExitOne() {
        assertEquals(1, run("", "probe", "--colour"));
        assertTrue(err().contains("unknown option '--colour'"), err());
    }

    @Test
    void serveRefusesARunbookFolderThatDoesNotExistBeforeStartingAnything() {
        assertEquals(1, run("", "serve", "--runbooks", "/nonexistent/runbooks"));
        assertTrue(err().contains("serve: --runbooks /nonexistent/runbooks is not a directory"), err());
    }

    @Test
    void everySubcommandAnswersHelp() {
        for (String c : List.of("console", "validate", "probe", "check", "rehearse", "record", "bench", "serve", "agent")) {
            out.reset();
            assertEquals(0, run("", c, "--help"), c);
            assertTrue(out().contains("usage: switchman"), c + ": " + out());
        }
    }

    @Test
    void probePrintsOneJsonObjectAndExitsByStatus() throws Exception {
        assertEquals(0, run("", "probe", "test.echo", "status=PASS", "--format", "json"));
        JsonNode n = new ObjectMapper().readTree(out().strip());
        assertEquals("test.echo", n.get("kind").asText());
        assertEquals("echo.test", n.get("target").asText());
        assertEquals("PASS", n.get("status").asText());
        assertEquals(42, n.get("observations").get("answer").asInt());
        assertEquals("echoed PASS", n.get("message").asText());
    }

    @Test
    void textOutputPrintsAPerAddressReportOneAddressALine() {
        java.util.Map<String, Object> obs = new java.util.LinkedHashMap<>();
        obs.put("status", 503);
        obs.put("addresses", List.of(
                java.util.Map.of("address", "127.0.0.1", "status", "PASS", "message", "200 at 127.0.0.1", "observations", java.util.Map.of("status", 200)),
                java.util.Map.of("address", "::1", "status", "FAIL", "message", "503 at ::1", "observations", java.util.Map.of("status", 503))));
        obs.put("redirects", List.of(java.util.Map.of("url", "http://a.test/")));
        new CheckOutput(new PrintStream(out, true, StandardCharsets.UTF_8), false).print(new dev.switchman.core.check.CheckResult("h", "http.health",
                "http://a.test/", dev.switchman.core.check.CheckStatus.FAIL, obs, "addresses differ", java.time.Instant.EPOCH, java.time.Duration.ZERO));
        assertEquals(List.of("FAIL    h (http.health) http://a.test/: addresses differ [0 ms]",
                "        status = 503",
                "        addresses:",
                "          127.0.0.1       PASS    200 at 127.0.0.1",
                "          ::1             FAIL    503 at ::1",
                "        redirects:",
                "          {\"url\":\"http://a.test/\"}"), out().lines().toList());
    }

    @Test
    void probeExitCodesFollowTheStatus() {
        assertEquals(0, run("", "probe", "test.echo", "status=WARN"));
        assertEquals(1, run("", "probe", "test.echo", "status=FAIL"));
        assertEquals(3, run("", "probe", "test.echo", "status=ERROR"));
        assertEquals(3, run("", "probe", "test.echo", "status=UNKNOWN"));
    }

    @Test
    void probeRejectsATimeoutOutsideItsRangeNamingTheRange() {
        assertEquals(1, run("", "probe", "test.echo", "status=PASS", "--timeout", "99999999h"));
        assertTrue(err().contains("--timeout '99999999h' is out of range: expected a duration from 100ms to 10m"), err());
        assertEquals(1, run("", "probe", "test.echo", "status=PASS", "--timeout", "1ms"));
        assertTrue(out().isEmpty(), "nothing ran: " + out());
    }

    @Test
    void probeThatOverrunsItsTimeoutIsUnknown() {
        assertEquals(3, run("", "probe", "test.echo", "status=HANG", "--timeout", "200ms"));
        assertTrue(out().contains("UNKNOWN"), out());
    }

    @Test
    void probeRejectsBadParametersWithTheProvidersMessage() {
        assertEquals(1, run("", "probe", "test.echo", "status=MAYBE"));
        assertTrue(err().contains("status must be PASS"), err());
        assertEquals(1, run("", "probe", "test.echo", "colour=red", "status=PASS"));
        assertTrue(err().contains("unknown parameter 'colour'"), err());
        assertEquals(1, run("", "probe", "test.echo", "justaword"));
        assertTrue(err().contains("'justaword' is not key=value"), err());
    }

    @Test
    void probeRejectsAnUnknownKind() {
        assertEquals(1, run("", "probe", "no.such"));
        assertTrue(err().contains("unknown check kind 'no.such'"), err());
    }

    @Test
    void batchPrintsOneResultPerLineInOrder() throws Exception {
        String stdin = """
                {"kind":"test.echo","params":{"status":"PASS","target":"a"}}
                {"kind":"test.echo","params":{"status":"WARN","target":"b"}}
                not json
                {"kind":"no.such"}
                """;
        assertEquals(3, run(stdin, "probe", "--batch", "--format", "json"));
        String[] lines = out().strip().split("\n");
        assertEquals(4, lines.length, out());
        ObjectMapper json = new ObjectMapper();
        assertEquals("a", json.readTree(lines[0]).get("target").asText());
        assertEquals("b", json.readTree(lines[1]).get("target").asText());
        assertEquals("ERROR", json.readTree(lines[2]).get("status").asText());
        assertTrue(json.readTree(lines[2]).get("message").asText().startsWith("stdin:3:"));
        assertTrue(json.readTree(lines[3]).get("message").asText().contains("unknown check kind"));
    }

    private static String resource(String name) throws Exception {
        return java.nio.file.Path.of(CliTest.class.getResource("/validate/" + name).toURI()).toString();
    }

    @Test
    void validateAcceptsAGoodRunbookWithOneSummaryLine() throws Exception {
        assertEquals(0, run("", "validate", resource("good.runbook.yaml")), err());
        assertEquals("ok: 1 runbook, 0 scenarios, 0 rule files; 0 warnings", out().strip());
    }

    @Test
    void validateReportsEachProblemAsFileLineColumn() throws Exception {
        String bad = resource("bad.runbook.yaml");
        assertEquals(1, run("", "validate", resource("good.runbook.yaml"), bad));
        assertTrue(out().contains(bad + ":8:5: error: unknown key 'setps'"), out());
        assertTrue(out().lines().allMatch(l -> l.matches(".+:\\d+:\\d+: (error|warning): .+")), out());
        assertTrue(!out().contains("ok:"), out());
    }

    @Test
    void validateNamesAMissingFile() {
        assertEquals(1, run("", "validate", "/no/such/runbook.yaml"));
        assertTrue(out().contains("/no/such/runbook.yaml:0:0: error: no such file"), out());
    }

    @Test
    void validateCompilesRuleFiles() throws Exception {
        String drl = resource("broken.drl");
        assertEquals(1, run("", "validate", drl));
        assertTrue(out().contains(": error: "), out());
    }

    @Test
    void validateWithoutFilesIsAUsageError() {
        assertEquals(1, run("", "validate"));
        assertTrue(err().contains("validate: missing FILE"), err());
    }

    @Test
    void checkRunsEveryDeclaredCheckOnceAndExitsOneOnAFail() throws Exception {
        assertEquals(1, run("", "check", resource("echo-checks.runbook.yaml"), "--format", "json"));
        String[] lines = out().strip().split("\n");
        assertEquals(3, lines.length, out());
        ObjectMapper json = new ObjectMapper();
        assertEquals("fine", json.readTree(lines[0]).get("check").asText());
        assertEquals("a.test", json.readTree(lines[0]).get("target").asText());
        assertEquals("FAIL", json.readTree(lines[2]).get("status").asText());
    }

    @Test
    void checkWithOneIdRunsOnlyThatCheck() throws Exception {
        assertEquals(0, run("", "check", resource("echo-checks.runbook.yaml"), "--check", "shaky"));
        assertTrue(out().startsWith("WARN    shaky"), out());
        assertEquals(1, run("", "check", resource("echo-checks.runbook.yaml"), "--check", "nope"));
        assertTrue(err().contains("declares no check 'nope'"), err());
    }

    @Test
    void checkTimeoutReplacesEveryChecksOwnTimeout() throws Exception {
        // the runbook gives the hanging check 10 minutes; --timeout 200ms ends it as UNKNOWN
        assertEquals(3, run("", "check", resource("hang-check.runbook.yaml"), "--timeout", "200ms", "--format", "json"), err());
        assertEquals("UNKNOWN", new ObjectMapper().readTree(out().strip()).get("status").asText(), out());
        assertEquals(1, run("", "check", resource("hang-check.runbook.yaml"), "--timeout", "soon"));
        assertTrue(err().contains("check: --timeout 'soon' is not a duration"), err());
    }

    @Test
    void aBadResolverIsAUsageErrorNamingItBeforeAnyCheckRuns() throws Exception {
        assertEquals(1, run("", "probe", "test.echo", "status=PASS", "--resolver", "127.0.0.1:5353,nonsense:port"));
        assertTrue(err().contains("probe: --resolver '127.0.0.1:5353,nonsense:port': resolver 'nonsense:port': port must be 1-65535, was 'port'"), err());
        assertEquals(1, run("", "probe", "--batch", "--resolver", "[::1:53"));
        assertTrue(err().contains("probe: --resolver '[::1:53': resolver '[::1:53': expected [ipv6]:port"), err());
        assertEquals(1, run("", "check", resource("echo-checks.runbook.yaml"), "--resolver", "127.0.0.1:0"));
        assertTrue(err().contains("check: --resolver '127.0.0.1:0'"), err());
        assertTrue(out().isEmpty(), "nothing ran: " + out());
        assertTrue(!err().contains("Exception"), err());
        assertEquals(0, run("", "probe", "test.echo", "status=PASS", "--resolver", "127.0.0.1:5353", "--resolver", "[::1]:53,localhost"));
    }

    @Test
    void parallelWithoutBatchIsAUsageError() {
        assertEquals(1, run("", "probe", "test.echo", "status=PASS", "--parallel", "4"));
        assertTrue(err().contains("probe: --parallel applies to --batch only"), err());
    }

    /** Every option a subcommand accepts is in its help, in the overview help, and in docs/cli.md. */
    @Test
    void helpAndDocsNameEveryOptionOfProbeAndCheck() throws Exception {
        String docs = java.nio.file.Files.readString(projectRoot().resolve("docs/cli.md"));
        String synopsis = docs.substring(docs.indexOf("```\nswitchman [--as USER]"), docs.indexOf("```", docs.indexOf("```\nswitchman [--as USER]") + 3));
        for (Args.Spec spec : List.of(ProbeCommand.SPEC, CheckCommand.SPEC)) {
            String own = spec == ProbeCommand.SPEC ? Usage.PROBE : Usage.CHECK;
            java.util.Set<String> options = new java.util.TreeSet<>(spec.valued());
            options.addAll(spec.flags());
            for (String o : options) {
                String opt = "--" + o;
                String line = "switchman " + spec.command();
                assertTrue(own.contains(opt), spec.command() + " --help lacks " + opt);
                assertTrue(Usage.MAIN.lines().filter(l -> l.contains(line)).anyMatch(l -> l.contains(opt)), "switchman help lacks " + line + " " + opt);
                assertTrue(synopsis.lines().filter(l -> l.startsWith(line)).anyMatch(l -> l.contains(opt)), "docs/cli.md's synopsis lacks " + line + " " + opt);
            }
        }
    }

    /** The simulator validates scenarios without the live providers; this build has them all. */
    @Test
    void everyBundledRunbookAndScenarioValidatesAgainstTheChecksOfThisBuild() throws Exception {
        List<String> args = new ArrayList<>(List.of("validate"));
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(projectRoot().resolve("runbooks"))) {
            files.filter(f -> f.toString().endsWith(".yaml")).sorted().forEach(f -> args.add(f.toString()));
        }
        assertTrue(args.size() > 20, "runbooks and scenarios found: " + args);
        assertEquals(0, run("", args.toArray(String[]::new)), out() + err());
        assertTrue(out().contains("ok: "), out());
    }

    private static java.nio.file.Path projectRoot() {
        java.nio.file.Path p = java.nio.file.Path.of("").toAbsolutePath();
        while (p != null && !java.nio.file.Files.isRegularFile(p.resolve("docs/cli.md"))) {
            p = p.getParent();
        }
        assertTrue(p != null, "docs/cli.md not found above " + java.nio.file.Path.of("").toAbsolutePath());
        return p;
    }

    @Test
    void rehearsingAMissingScenarioIsInvalidNotAFailedExpectation() {
        assertEquals(2, run("", "rehearse", "/no/such/scenario.yaml"));
        assertTrue(err().contains("/no/such/scenario.yaml:0:0: error: no such file"), err());
    }

    @Test
    void checkNamesAnUnknownRunbook() {
        assertEquals(1, run("", "check", "no-such-runbook"));
        assertTrue(err().contains("no runbook file or id 'no-such-runbook'"), err());
    }

    @Test
    void subcommandsOfModulesNotInTheBuildExitTwo() {
        assertEquals(2, run("", "agent", "--name", "a", "--bot", "http://127.0.0.1:1"));
        assertTrue(err().contains("this build has no"), err());
    }

    @Test
    void debugStackTracesNeverShowSecrets() {
        Cli cli = new Cli(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), options -> {
                    throw new IllegalStateException("boot failed", new java.io.IOException(
                            "cannot open jdbc:postgresql://sm:Dbg-S3cret@127.0.0.1/x?password=Dbg-S3cret"));
                }, Clock.systemUTC());
        try {
            assertEquals(1, cli.run("--debug"));
        } finally {
            System.clearProperty(Cli.DEBUG_PROPERTY);
        }
        assertTrue(err().contains("Caused by: java.io.IOException: cannot open jdbc:postgresql://sm:***@127.0.0.1/x?password=***"), err());
        assertTrue(err().contains("\tat "), "the trace is printed with --debug: " + err());
        assertTrue(!err().contains("Dbg-S3cret"), err());
    }
}
