package dev.switchman.app.cli;

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
