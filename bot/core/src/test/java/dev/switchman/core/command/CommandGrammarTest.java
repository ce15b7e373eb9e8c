package dev.switchman.core.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchman.core.chat.ChatMessage;
import dev.switchman.core.testing.TestBots;
import dev.switchman.core.testing.TestRunbooks;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CommandGrammarTest {

    private final TestBots t = TestBots.inMemory(TestRunbooks.hello(), TestRunbooks.tiny());

    private String say(String user, String text) {
        return t.chat.say(user, text);
    }

    private void started() {
        say("alice", "start hello-cutover");
    }

    @Test
    void registersEveryCommandOfTheGrammar() {
        Set<String> names = t.bot.commands().all().stream().map(Command::name).collect(Collectors.toSet());
        assertEquals(Set.of("runbooks", "start", "status", "done", "check", "approve", "go", "rollback", "abort", "notify",
                "rehearse", "timeline", "postmortem", "help"), names);
    }

    @Test
    void unknownCommandIsNamedWithADidYouMean() {
        String r = say("alice", "stauts");
        assertTrue(r.contains("unknown command 'stauts'") && r.contains("did you mean 'status'"), r);
    }

    @Test
    void runbooksListsIdsAndRejectsArguments() {
        String r = say("alice", "runbooks");
        assertTrue(r.contains("hello-cutover") && r.contains("tiny"), r);
        assertTrue(say("alice", "runbooks all").contains("unexpected argument 'all'"));
    }

    @Test
    void startNeedsAKnownRunbook() {
        assertTrue(say("alice", "start").contains("missing <runbook>"));
        String r = say("alice", "start hello-cutvoer");
        assertTrue(r.contains("unknown runbook 'hello-cutvoer'") && r.contains("did you mean 'hello-cutover'"), r);
    }

    @Test
    void statusWithoutARunSaysHowToStartOne() {
        assertTrue(say("alice", "status").contains("runbooks"));
    }

    @Test
    void runCommandsWithoutARunSayThereIsNone() {
        for (String c : List.of("done x", "check", "approve", "go --yes", "rollback --yes", "abort --yes", "notify team hi")) {
            String r = say("carol", c);
            assertTrue(r.contains("no active run"), c + " -> " + r);
        }
    }

    @Test
    void doneNamesUnknownStepsAndMissingOnes() {
        started();
        String r = say("alice", "done lower-tll");
        assertTrue(r.contains("`done`: unknown step 'lower-tll'") && r.contains("did you mean 'lower-ttl'"), r);
        assertTrue(say("alice", "done").contains("missing <step>"));
        assertTrue(say("alice", "done switch-dns").contains("not the current step; the current step is lower-ttl"));
    }

    @Test
    void doneOnAStepWithARoleIsForItsMembersOnly() {
        started();
        String r = say("bob", "done lower-ttl");
        assertTrue(r.contains("Refused") && r.contains("owner"), r);
    }

    @Test
    void checkNamesUnknownChecks() {
        started();
        String r = say("alice", "check www-tl");
        assertTrue(r.contains("unknown check 'www-tl'") && r.contains("did you mean 'www-ttl'"), r);
        assertTrue(say("alice", "check www-ttl").contains("running www-ttl"));
    }

    @Test
    void approveNamesUnknownApprovalSteps() {
        started();
        assertTrue(say("bob", "approve lower-ttl").contains("unknown approval step 'lower-ttl'"));
        assertTrue(say("bob", "approve approve-cutover").contains("Approved"));
        assertTrue(say("bob", "approve approve-cutover").contains("already approved"));
    }

    @Test
    void sideEffectCommandsAskForConfirmationWithAButton() {
        started();
        for (String c : List.of("go", "rollback lag too high", "abort")) {
            ChatMessage m = t.chat.exec("carol", c).get(0);
            assertTrue(m.title().startsWith("Confirm"), c + " -> " + m.plain());
            ChatMessage.Button b = m.buttons().get(0);
            assertTrue(b.command().endsWith("--yes"), b.command());
        }
        assertEquals("rollback lag too high --yes", t.chat.exec("carol", "rollback lag too high").get(0).buttons().get(0).command());
        assertTrue(t.bot.activeRun(t.chat.defaultChannel()).isPresent());
    }

    @Test
    void goIsRefusedToAnyoneButTheRollbackAuthorityAndExplainsWhatItConfirms() {
        started();
        assertTrue(say("alice", "go --yes").contains("only rollback-authority [console:carol]"));
        assertTrue(say("carol", "go --yes").contains("nothing to go: the current step is lower-ttl"));
    }

    @Test
    void notifyNeedsAKnownAudienceAndText() {
        started();
        assertTrue(say("alice", "notify exces hi").contains("did you mean 'execs'"));
        assertTrue(say("alice", "notify execs").contains("missing <text>"));
        String r = say("alice", "notify execs \"DNS switch at 22:00\"");
        assertTrue(r.contains("sent to chat:#exec-updates"), r);
        assertTrue(t.chat.sent("#exec-updates").stream().anyMatch(m -> m.plain().contains("DNS switch at 22:00")));
        say("alice", "notify team hello team");
        assertTrue(t.chat.sent(t.chat.defaultChannel()).stream().anyMatch(m -> m.plain().contains("hello team")));
    }

    @Test
    void helpListsEveryCommandAndExplainsOne() {
        String all = say("alice", "help");
        for (Command c : t.bot.commands().all()) {
            assertTrue(all.contains(c.usage()), c.usage());
        }
        String one = say("alice", "help rollback");
        assertTrue(one.contains("rollback [reason]") && one.contains("rollback-authority") && one.contains("--yes"), one);
        assertTrue(say("alice", "help rolback").contains("did you mean 'rollback'"));
    }

    @Test
    void rehearseAndPostmortemSayThisBuildHasNoSimulatorUntilOneIsRegistered() {
        assertTrue(say("alice", "rehearse dns-split-brain").contains("no simulator"));
        assertTrue(say("alice", "postmortem").contains("no simulator"));
        t.bot.registerCommand(new Command() {
            @Override public String name() { return "rehearse"; }
            @Override public String usage() { return "rehearse <scenario>"; }
            @Override public String description() { return "Replays a scenario."; }
            @Override public ChatMessage execute(CommandContext ctx) {
                return ChatMessage.text("rehearsing " + ctx.invocation().arg(0));
            }
        });
        assertEquals("rehearsing dns-split-brain", say("alice", "rehearse dns-split-brain"));
    }

    @Test
    void timelineWithoutAnyRunSaysSo() {
        assertTrue(say("alice", "timeline").contains("No run"));
    }

    @Test
    void completesCommandNamesRunbookIdsStepsAndChecks() {
        String ch = t.chat.defaultChannel();
        assertEquals(List.of("start", "status"), t.bot.completions(ch, "st"));
        assertEquals(List.of("hello-cutover"), t.bot.completions(ch, "start he"));
        assertEquals(List.of("hello-cutover", "tiny"), t.bot.completions(ch, "start "));
        started();
        assertEquals(List.of("lower-ttl"), t.bot.completions(ch, "done "));
        assertEquals(List.of("new-http", "www-ttl"), t.bot.completions(ch, "check "));
        assertEquals(List.of("approve-cutover"), t.bot.completions(ch, "approve a"));
        assertEquals(List.of("execs", "team"), t.bot.completions(ch, "notify "));
        assertEquals(List.of("hello-cutover", "tiny"), t.bot.runbookIds());
        assertTrue(t.bot.stepIds(ch).containsAll(List.of("lower-ttl", "switch-back", "restore-ttl")));
        assertEquals(List.of(), t.bot.completions(ch, "nosuch "));
    }

    @Test
    void oneActiveRunPerChannelButChannelsAreIndependent() {
        started();
        assertTrue(say("bob", "start tiny").contains("already has an active run"));
        List<ChatMessage> other = t.chat.exec("bob", "#other", "start tiny", null);
        assertTrue(other.get(0).plain().contains("Tiny"), other.get(0).plain());
        assertTrue(t.bot.activeRun("#other").isPresent());
    }

    @Test
    void overrideIsAnOptionOfDoneAnywhereAfterTheCommandAndAQuotedOneIsText() {
        Invocation inv = Invocation.parse("done verify-ttl --override no network here");
        assertTrue(inv.option("override"));
        assertEquals(List.of("verify-ttl", "no", "network", "here"), inv.args());
        assertEquals("done verify-ttl --override no network here", inv.withoutYes());
        Invocation late = Invocation.parse("done verify-ttl --yes \"no network\" --override");
        assertTrue(late.yes() && late.option("override"));
        assertEquals("no network", late.rest(1));
        Invocation quoted = Invocation.parse("done lower-ttl \"--override\"");
        assertTrue(quoted.options().isEmpty());
        assertEquals("--override", quoted.arg(1));
        String unknown = say("alice", "done lower-ttl --overide x");
        assertTrue(unknown.contains("unknown option '--overide'") && unknown.contains("--override"), unknown);
        started();
        String onRollback = say("carol", "rollback --override --yes why");
        assertTrue(onRollback.contains("`rollback`: unknown option '--override'"), onRollback);
    }
}
