package dev.switchman.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class BenchCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        Cli cli = new Cli(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), options -> 0, Clock.systemUTC());
        return cli.run(args);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void overBudgetSaysWhatWasOverAcrossRepetitionsAndForOurSideOfAComparison() {
        java.util.Map<String, Object> rep1 = new java.util.LinkedHashMap<>(java.util.Map.of("within-budget", false,
                "over-budget", java.util.List.of("pg-mariadb-identical took 12.0 s, budget 10 s")));
        java.util.Map<String, Object> rep2 = new java.util.LinkedHashMap<>(java.util.Map.of("within-budget", false,
                "over-budget", java.util.List.of("pg-mariadb-identical took 11.1 s, budget 10 s", "peak heap 300 MB, budget 256 MB")));
        java.util.Map<String, Object> rep3 = new java.util.LinkedHashMap<>(java.util.Map.of("within-budget", true));
        assertEquals("over budget: pg-mariadb-identical took 12.0 s, budget 10 s; pg-mariadb-identical took 11.1 s, budget 10 s; peak heap 300 MB, budget 256 MB",
                BenchCommand.overBudget(dev.switchman.core.bench.Repeats.summarize(java.util.List.of(rep1, rep2, rep3))));
        assertEquals("over budget: median round 3.5 s, budget 3 s",
                BenchCommand.overBudget(java.util.Map.of("ours-over-budget", java.util.List.of("median round 3.5 s, budget 3 s"))));
        assertTrue(BenchCommand.overBudget(java.util.Map.of("within-budget", false)).startsWith("over budget (within-budget: false;"));
    }

    @Test
    void anOptionOfAnotherBenchmarkIsNamedWithExitOne() {
        assertEquals(1, run("bench", "rules", "--names", "3"));
        assertTrue(err().contains("bench rules: option --names is not one of this benchmark's"), err());
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void anUnknownPeerIsNamedWithTheKnownOnes() {
        assertEquals(1, run("bench", "rules", "--peer", "drools-classic"));
        assertTrue(err().contains("--peer drools-classic is not known; this benchmark has no peer"), err());
    }

    @Test
    void repeatMustBePositive() {
        assertEquals(1, run("bench", "rules", "--repeat", "0"));
        assertTrue(err().contains("--repeat must be a positive whole number, got '0'"), err());
    }

    @Test
    void anUnknownBenchmarkListsTheKnownOnes() {
        assertEquals(1, run("bench", "warp"));
        assertTrue(err().contains("expected one benchmark, one of [chat, dns, parity, replay, rules, spf], got warp"), err());
    }

    @Test
    void parityNamesItsPeer() {
        assertEquals(1, run("bench", "parity", "--peer", "pgcompare"));
        assertTrue(err().contains("--peer pgcompare is not known; expected one of [naive]"), err());
    }

    @Test
    void spfIsAComparisonAndNeedsItsPeer() {
        assertEquals(1, run("bench", "spf"));
        assertTrue(err().contains("bench spf: --peer is required, one of [pyspf]"), err());
    }

    @Test
    void thePeersDnsServerMustBeOnLoopback() {
        assertEquals(1, run("bench", "spf", "--peer", "pyspf", "--peer-dns", "192.0.2.1:53", "--suite", "."));
        assertTrue(err().contains("--peer-dns must be a loopback host:port such as 127.0.0.1:5353, got '192.0.2.1:53'"), err());
    }

    @Test
    void helpListsRepeatAndPeer() {
        assertEquals(0, run("bench", "--help"));
        String help = out.toString(StandardCharsets.UTF_8);
        assertTrue(help.contains("--repeat N") && help.contains("--peer PEER"), help);
    }
}
