package dev.switchman.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchman.core.bot.Bot;
import dev.switchman.core.chat.ChatMessage;
import dev.switchman.core.chat.TranscriptBackend;
import dev.switchman.core.check.CheckProviders;
import dev.switchman.core.check.CheckResult;
import dev.switchman.core.check.CheckStatus;
import dev.switchman.core.decision.Decision;
import dev.switchman.core.event.Event;
import dev.switchman.core.event.InMemoryEventStore;
import dev.switchman.core.testing.ScriptedChecks;
import dev.switchman.core.testing.TestBots;
import dev.switchman.core.testing.TestRunbooks;
import dev.switchman.core.time.ManualClock;
import dev.switchman.core.time.ManualScheduler;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code done <step> --override "reason"}: the rollback authority completes a blocked verify step or gate, on the record. */
class OverrideTest {

    final ManualClock clock = new ManualClock(TestBots.START);
    final ManualScheduler scheduler = new ManualScheduler(clock);
    final ScriptedChecks checks = new ScriptedChecks();
    final InMemoryEventStore store = new InMemoryEventStore();
    final TranscriptBackend chat = new TranscriptBackend(clock, "ops");
    final List<CheckResult> heard = new ArrayList<>();
    final Bot bot = Bot.builder().runbooks(List.of(TestRunbooks.hello())).store(store).clock(clock).scheduler(scheduler)
            .checkProviders(new CheckProviders(List.of(checks))).checkExecutor(new DirectExecutorService())
            .decisionEngine(new ScriptedDecisions("www-ttl"))
            .listener(new RunListener() {
                @Override public void onCheckResult(RunState state, CheckResult result) { heard.add(result); }
            })
            .backend(chat).build();

    OverrideTest() {
        chat.start(bot);
    }

    private RunState run() {
        return bot.activeRun("ops").orElseThrow();
    }

    private String current() {
        return run().current().map(PlannedStep::stepId).orElse("none");
    }

    private List<Event> events(String type) {
        return store.read(store.runs().get(0)).stream().filter(e -> e.type().equals(type)).toList();
    }

    private void blockedOnVerify() {
        checks.script("www-ttl", CheckStatus.ERROR);
        chat.say("alice", "start hello-cutover");
        chat.say("alice", "done lower-ttl");
        assertEquals("verify-ttl", current());
    }

    @Test
    void theBlockedMessageTellsTheRollbackAuthorityAboutTheOverride() {
        blockedOnVerify();
        ChatMessage blocked = chat.sent().stream().filter(m -> m.title().equals("Blocked: verify-ttl")).findFirst()
                .orElseThrow(() -> new AssertionError(chat.render()));
        assertTrue(blocked.plain().contains("`done verify-ttl --override \"reason\"`") && blocked.plain().contains("console:carol"), blocked.plain());
        String done = chat.say("alice", "done verify-ttl");
        assertTrue(done.contains("--override"), done);
    }

    @Test
    void theRollbackAuthorityOverridesABlockedVerifyStepWithTheBlockersOnRecord() {
        blockedOnVerify();
        // needs confirmation like `go`: unconfirmed, nothing is recorded
        ChatMessage confirm = chat.exec("carol", "done verify-ttl --override no network on this laptop").get(0);
        assertTrue(confirm.title().contains("Confirm"), confirm.plain());
        assertEquals("done verify-ttl --override no network on this laptop --yes", confirm.buttons().get(0).command());
        assertEquals("verify-ttl", current());
        assertTrue(events(EventTypes.OVERRIDDEN).isEmpty());

        String r = chat.say("carol", confirm.buttons().get(0).command());
        assertTrue(r.contains("Overridden: verify-ttl") && r.contains("overridden by carol: no network on this laptop; blockers were www-ttl ERROR"), r);
        assertEquals("wait-old-ttl", current());
        Event e = events(EventTypes.OVERRIDDEN).get(0);
        assertEquals("console:carol", e.actor());
        assertTrue(e.payload().contains("\"blockers\":[\"www-ttl ERROR\"]"), e.payload());
        RunState.StepOverride o = run().overrides().get("verify-ttl");
        assertEquals(List.of("www-ttl ERROR"), o.blockers());
        assertEquals("no network on this laptop", o.reason());
        // an override never turns a result into PASS
        assertEquals(CheckStatus.ERROR, run().latestResults().get("www-ttl").status());

        String status = chat.exec("alice", "status").get(0).plain();
        assertTrue(status.contains("overridden by carol: no network on this laptop; blockers were www-ttl ERROR"), status);
        String timeline = chat.exec("alice", "timeline").get(0).plain();
        assertTrue(timeline.contains("OVERRIDE verify-ttl overridden by carol (console:carol): no network on this laptop; blockers were www-ttl ERROR"), timeline);
    }

    @Test
    void overriddenChecksKeepRunningAndTheirResultsStillReachTheRules() {
        blockedOnVerify();
        chat.say("carol", "done verify-ttl --override --yes \"no network\"");
        int runs = checks.runs("www-ttl");
        int results = heard.size();
        checks.script("www-ttl", CheckStatus.FAIL);
        scheduler.advance(Duration.ofMinutes(1));
        assertEquals(runs + 1, checks.runs("www-ttl"));
        assertTrue(heard.size() > results);
        // the FAIL went to the rules (ScriptedDecisions: HOLD before cutover)
        List<Decision> held = run().decisions().stream().filter(d -> d.ruleId().equals("test.hold")).toList();
        assertFalse(held.isEmpty(), chat.render());
        assertEquals(RunStatus.HELD, run().status());
    }

    @Test
    void anyoneElseIsRefusedAndTheRefusalIsRecordedAndLogged() {
        blockedOnVerify();
        PrintStream old = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
        String r;
        try {
            r = chat.say("alice", "done verify-ttl --override --yes \"it is fine\"");
        } finally {
            System.setErr(old);
        }
        assertTrue(r.contains("Refused") && r.contains("rollback-authority"), r);
        assertEquals("verify-ttl", current());
        assertEquals(1, events(EventTypes.REFUSED).size());
        assertTrue(events(EventTypes.OVERRIDDEN).isEmpty());
        assertTrue(buf.toString(StandardCharsets.UTF_8).contains("refused console:alice"), buf.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theReasonIsRequired() {
        blockedOnVerify();
        String r = chat.say("carol", "done verify-ttl --override --yes");
        assertTrue(r.contains("--override needs a reason"), r);
        assertEquals("verify-ttl", current());
        assertTrue(events(EventTypes.OVERRIDDEN).isEmpty());
    }

    @Test
    void theRollbackAuthorityOverridesAGateTheRulesSayNoGoTo() {
        checks.script("new-http", CheckStatus.FAIL);
        chat.say("alice", "start hello-cutover");
        chat.say("alice", "done lower-ttl");
        scheduler.advance(Duration.ofMinutes(5));
        chat.say("bob", "approve");
        assertEquals("gate-cutover", current());
        assertTrue(chat.say("carol", "go --yes").contains("--override"));
        String r = chat.say("carol", "done gate-cutover --override --yes \"health endpoint not deployed yet; checked by hand\"");
        assertTrue(r.contains("Overridden: gate-cutover") && r.contains("blockers were new-http FAIL"), r);
        assertEquals("switch-dns", current());
    }

    @Test
    void overrideIsOnlyForVerifyStepsAndGatesAndOnlyForDone() {
        chat.say("alice", "start hello-cutover");
        String manual = chat.say("carol", "done lower-ttl --override --yes \"why\"");
        assertTrue(manual.contains("blocked verify step or gate") && manual.contains("`done lower-ttl`"), manual);
        String go = chat.say("carol", "go --override --yes");
        assertTrue(go.contains("`go`: unknown option '--override'"), go);
        assertEquals("lower-ttl", current());
        assertTrue(events(EventTypes.OVERRIDDEN).isEmpty());
    }
}
