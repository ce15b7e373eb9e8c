package dev.switchman.rules.engine;

import static dev.switchman.rules.Fixture.byRule;
import static dev.switchman.rules.Fixture.has;
import static dev.switchman.rules.Fixture.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchman.core.check.CheckStatus;
import dev.switchman.core.decision.Decision;
import dev.switchman.core.decision.DecisionEngine.RuleProblem;
import dev.switchman.core.decision.DecisionKind;
import dev.switchman.rules.Fixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunbookRulesTest {
    static final String GOOD = """
            package acme.rules;

            import dev.switchman.rules.fact.*;
            import dev.switchman.core.decision.DecisionKind;

            global dev.switchman.rules.fact.Limits limits;

            rule "acme.queue-depth"
            when
                $s : CheckState(kind == "queue.depth", num("depth") > 1000)
            then
                insertLogical(Finding.announce(DecisionKind.ADVISE, "acme.queue-depth", $s.getCheckId(),
                    "Queue " + $s.getCheckId() + " holds " + Words.num($s.num("depth")) + " messages", $s.evidence("depth")));
            end
            """;

    static final String BROKEN = """
            package acme.rules;

            import dev.switchman.rules.fact.*;

            rule "acme.broken"
            when
                $s : CheckState(kind == "queue.depth", num("depth") >>> 1000)
            then
                System.out.println($s);
            end
            """;

    @Test
    void validateReportsABrokenRuleFileWithItsLine(@TempDir Path dir) throws IOException {
        Path drl = Files.writeString(dir.resolve("broken.drl"), BROKEN);
        List<RuleProblem> problems = Fixture.ENGINE.validateRules(drl);
        assertFalse(problems.isEmpty());
        RuleProblem p = problems.get(0);
        assertTrue(p.file().endsWith("broken.drl"), p.toString());
        assertEquals(7, p.line(), p.toString());
        assertFalse(p.message().isBlank());
    }

    @Test
    void validateReportsAnUnknownTypeWithItsLine(@TempDir Path dir) throws IOException {
        Path drl = Files.writeString(dir.resolve("typo.drl"), GOOD.replace("CheckState(kind", "CheckStat(kind"));
        List<RuleProblem> problems = Fixture.ENGINE.validateRules(drl);
        assertFalse(problems.isEmpty());
        assertTrue(problems.stream().anyMatch(p -> p.line() >= 8 && p.line() <= 12), problems.toString());
    }

    @Test
    void validateAcceptsAGoodRuleFile(@TempDir Path dir) throws IOException {
        assertEquals(List.of(), Fixture.ENGINE.validateRules(Files.writeString(dir.resolve("good.drl"), GOOD)));
    }

    @Test
    void validateReportsAMissingFile(@TempDir Path dir) {
        assertEquals("rule file not found", Fixture.ENGINE.validateRules(dir.resolve("none.drl")).get(0).message());
    }

    @Test
    void aRunbookRuleFileAddsItsRules(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("rules"));
        Files.writeString(dir.resolve("rules/acme.drl"), GOOD);
        Fixture f = new Fixture().check("q", "queue.depth", Duration.ofMinutes(1))
                .rules(dir.resolve("runbook.yaml").toString(), "rules/acme.drl").open();
        List<Decision> ds = f.result("q", "queue.depth", CheckStatus.WARN, "depth", 5000);
        assertEquals(DecisionKind.ADVISE, byRule(ds, "acme.queue-depth").get(0).kind(), ids(ds));
        assertFalse(has(ds, DroolsDecisionEngine.RULES_BROKEN));
    }

    @Test
    void aBrokenRunbookRuleFileFallsBackToTheBuiltInPacksAndSaysSo(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("broken.drl"), BROKEN);
        Fixture f = new Fixture().check("health", "http.health", Duration.ofSeconds(10))
                .rules(dir.resolve("runbook.yaml").toString(), "broken.drl").open();
        List<Decision> ds = f.cutover();
        Decision note = byRule(ds, DroolsDecisionEngine.RULES_BROKEN).get(0);
        assertEquals(DecisionKind.ADVISE, note.kind());
        assertTrue(note.reason().contains("broken.drl:7"), note.reason());
        for (int i = 0; i < 3; i++) {
            f.clock.advance(Duration.ofSeconds(10));
            ds = f.result("health", "http.health", CheckStatus.FAIL);
        }
        assertTrue(has(ds, "rollback.health-failures"), "built-in packs still work: " + ids(ds));
    }

    @Test
    void aMissingRunbookRuleFileIsReportedNotFatal(@TempDir Path dir) {
        Fixture f = new Fixture().rules(dir.resolve("runbook.yaml").toString(), "nope.drl").open();
        Decision note = byRule(f.advance(Duration.ofSeconds(1)), DroolsDecisionEngine.RULES_BROKEN).get(0);
        assertTrue(note.reason().contains("nope.drl: rule file not found"), note.reason());
    }

    @Test
    void aThresholdThatDoesNotParseKeepsItsDefaultAndIsReported() {
        Fixture f = new Fixture().threshold("error-rate", "five percent").open();
        Decision note = byRule(f.advance(Duration.ofSeconds(1)), DroolsDecisionEngine.BAD_THRESHOLD).get(0);
        assertTrue(note.reason().contains("error-rate"), note.reason());
    }

    @Test
    void runbooksWithoutTheirOwnRulesShareOneKieBase() {
        assertTrue(RuleBases.get(List.of()) == RuleBases.get(List.of()));
    }

    static final String THROWS = """
            package acme.rules;

            import dev.switchman.rules.fact.*;

            rule "acme.throws"
            when
                $s : CheckState(kind == "http.health", seen)
            then
                throw new IllegalStateException("bug in acme.throws");
            end
            """;

    @Test
    void aRuleThatThrowsIsReportedOnceAndTheOtherRulesKeepRunning(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("throws.drl"), THROWS);
        Fixture f = new Fixture().check("health", "http.health", Duration.ofSeconds(10))
                .rules(dir.resolve("runbook.yaml").toString(), "throws.drl").open();
        f.cutover();
        List<Decision> ds = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            f.clock.advance(Duration.ofSeconds(10));
            ds.addAll(f.result("health", "http.health", CheckStatus.FAIL));
        }
        List<Decision> failed = byRule(ds, DroolsDecisionEngine.RULE_FAILED);
        assertEquals(1, failed.size(), ids(ds));
        assertTrue(failed.get(0).reason().contains("acme.throws"), failed.get(0).reason());
        assertTrue(has(ds, "rollback.health-failures"), ids(ds));
    }
}
