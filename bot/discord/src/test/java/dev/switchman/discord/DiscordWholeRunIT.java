package dev.switchman.discord;

import dev.switchman.discord.testing.FakeDiscordApi;
import dev.switchman.discord.testing.SignedClient;

import static dev.switchman.core.testing.TestRunbooks.approval;
import static dev.switchman.core.testing.TestRunbooks.check;
import static dev.switchman.core.testing.TestRunbooks.gate;
import static dev.switchman.core.testing.TestRunbooks.manual;
import static dev.switchman.core.testing.TestRunbooks.verify;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchman.core.bot.Bot;
import dev.switchman.core.check.CheckProviders;
import dev.switchman.core.check.CheckStatus;
import dev.switchman.core.event.Event;
import dev.switchman.core.event.InMemoryEventStore;
import dev.switchman.core.run.DirectExecutorService;
import dev.switchman.core.run.EventTypes;
import dev.switchman.core.run.RunState;
import dev.switchman.core.runbook.Phase;
import dev.switchman.core.runbook.Roles;
import dev.switchman.core.runbook.Runbook;
import dev.switchman.core.runbook.Targets;
import dev.switchman.core.runbook.Thresholds;
import dev.switchman.core.testing.ScriptedChecks;
import dev.switchman.core.time.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A whole run in Discord, through the real bot: signed interactions POSTed to the endpoint over loopback
 * HTTP, answers and the status message going to a fake Discord API. Start, done by button, an approval
 * refused (no role) then granted by a member of the Discord role the runbook names, go with its Confirm
 * button, a rollback trigger from a check answered with the Rollback button, and the one status message
 * edited in place throughout (through a 429).
 */
class DiscordWholeRunIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String TOKEN = "test-bot-token-0123456789abcdef";
    private static final String CHANNEL = "300000000000000003";
    private static final String OWNER = "1001";
    private static final String STRANGER = "1002";
    private static final String AUTHORITY = "1003";
    private static final String APPROVER = "1004";
    private static final String APPROVER_ROLE = "777";

    private final FakeDiscordApi api = new FakeDiscordApi();
    private final Scheduler scheduler = Scheduler.system(Clock.systemUTC());
    private final ExecutorService runs = Executors.newFixedThreadPool(2);
    private final InMemoryEventStore store = new InMemoryEventStore();
    private final AtomicInteger ids = new AtomicInteger(100);
    private DiscordBackend backend;
    private Bot bot;
    private SignedClient discord;

    DiscordWholeRunIT() throws Exception {
    }

    @AfterEach
    void tearDown() {
        if (discord != null) discord.close();
        if (bot != null) bot.close();
        if (backend != null) backend.close();
        runs.shutdownNow();
        scheduler.close();
        api.close();
    }

    static Runbook runbook() {
        Roles roles = new Roles(Map.of(
                Roles.OWNER, List.of("discord:" + OWNER),
                Roles.APPROVERS, List.of("discord-role:" + APPROVER_ROLE),
                Roles.ROLLBACK_AUTHORITY, List.of("discord:" + AUTHORITY)));
        Phase prepare = new Phase("prepare", "Prepare", false, List.of(
                manual("lower-ttl", "Lower the TTL of www.example.test to 300 s", Roles.OWNER),
                verify("verify-ttl", "www-ttl")), List.of(manual("restore-ttl", "Restore the old TTL", null)), null);
        Phase cutover = new Phase("cutover", "Cut over", true, List.of(
                approval("approve-cutover", Roles.APPROVERS),
                gate("gate-cutover", List.of("new-http"), List.of("approve-cutover")),
                manual("switch-dns", "Point www at the new host", null)),
                List.of(manual("switch-back", "Point www back at the old host", null)), null);
        return new Runbook("discord-cutover", "Move www.example.test, from Discord", null, roles, List.of(), Targets.none(), Thresholds.none(),
                Duration.ofHours(1), Duration.ofHours(2), List.of(check("www-ttl"), check("new-http"), check(TriggerRules.CHECK)), List.of(prepare, cutover), List.of(), "test");
    }

    private static String member(String user, String... roles) {
        return SignedClient.Payloads.member(user, List.of(roles));
    }

    /** Posts a signed interaction; returns the token Discord would have given it. */
    private String interact(java.util.function.Function<String, String> payload) throws Exception {
        String token = "tok" + ids.incrementAndGet();
        api.interaction(token, CHANNEL);
        var r = discord.post(payload.apply(token));
        assertEquals(200, r.statusCode(), r.body());
        JsonNode body = JSON.readTree(r.body());
        assertEquals(5, body.path("type").asInt(), "deferred, then answered: " + r.body());
        return token;
    }

    private String command(String user, String[] roles, String sub, String... opts) throws Exception {
        return interact(t -> SignedClient.Payloads.command(String.valueOf(ids.incrementAndGet()), t, CHANNEL, member(user, roles), sub, opts));
    }

    private String press(String user, String[] roles, String customId, String messageId) throws Exception {
        assertNotNull(customId, "no such button; calls:\n" + api.render());
        return interact(t -> SignedClient.Payloads.button(String.valueOf(ids.incrementAndGet()), t, CHANNEL, member(user, roles), customId, messageId));
    }

    /** The answer to the interaction with {@code token}: the edit of its deferred reply. */
    private FakeDiscordApi.Call answer(String token) throws InterruptedException {
        return api.await(c -> c.method().equals("PATCH") && c.path().endsWith("/" + token + "/messages/@original"), WAIT);
    }

    private FakeDiscordApi.Call statusEdit(String statusId, String containing) throws InterruptedException {
        return api.await(c -> c.method().equals("PATCH") && c.path().equals("/api/v10/channels/" + CHANNEL + "/messages/" + statusId)
                && c.text().contains(containing), WAIT);
    }

    private static final String[] NONE = {};

    @Test
    void aWholeRunInDiscordWithButtonsRolesConfirmationARollbackTriggerAndOneStatusMessage() throws Exception {
        ScriptedChecks checks = new ScriptedChecks();
        var keys = SignedClient.newKeys();
        DiscordConfig config = DiscordConfig.fromEnv(Map.of("DISCORD_BOT_TOKEN", TOKEN, "DISCORD_PUBLIC_KEY", SignedClient.publicHex(keys),
                "DISCORD_APPLICATION_ID", FakeDiscordApi.APP_ID, "DISCORD_API_URL", api.baseUrl(), "DISCORD_REGISTER_COMMANDS", "false"));
        backend = new DiscordBackend(config, Clock.systemUTC(), scheduler, Duration.ofMillis(10));
        bot = Bot.builder().runbooks(List.of(runbook())).store(store).clock(Clock.systemUTC()).scheduler(scheduler)
                .checkProviders(new CheckProviders(List.of(checks))).checkExecutor(new DirectExecutorService()).runExecutor(runs)
                .decisionEngine(new TriggerRules()).backend(backend).build();
        bot.start();
        discord = new SignedClient(backend.endpoints().get(0), keys);

        // start: the deferred reply becomes the run's status message, with its buttons
        FakeDiscordApi.Call started = answer(command(OWNER, NONE, "start", "runbook", "discord-cutover"));
        assertTrue(started.text().contains("Move www.example.test, from Discord"), started.text());
        String statusId = messageIdOf(started);
        String done = started.customId("Done lower-ttl");
        assertNotNull(done, started.text());
        assertTrue(done.length() <= 100 && !done.contains("lower-ttl"), "an opaque id, not the command: " + done);

        // a 429 on the next status edit is waited out
        api.rateLimitNext("PATCH /channels/", 1, Duration.ofMillis(50));

        // done by button, by the owner
        FakeDiscordApi.Call doneAnswer = answer(press(OWNER, NONE, done, statusId));
        assertTrue(doneAnswer.text().contains("Done: lower-ttl"), doneAnswer.text());

        // the verify step passes; the status message (the same message) now offers the approval
        FakeDiscordApi.Call atApproval = statusEdit(statusId, "[Approve approve-cutover]");
        String approve = atApproval.customId("Approve approve-cutover");

        // someone without the approvers' Discord role: refused, shown to them only (the public placeholder goes), and recorded
        String refusedToken = press(STRANGER, NONE, approve, statusId);
        FakeDiscordApi.Call refused = api.await(c -> c.method().equals("POST") && c.path().endsWith("/webhooks/" + FakeDiscordApi.APP_ID + "/"
                + refusedToken), WAIT);
        assertTrue(refused.text().contains("Refused") && refused.text().contains("approvers"), refused.text());
        assertEquals(DiscordMessages.EPHEMERAL, refused.body().path("flags").asInt(), "only the one who pressed sees it");
        assertTrue(api.calls().stream().anyMatch(c -> c.method().equals("DELETE") && c.path().endsWith("/" + refusedToken + "/messages/@original")),
                api.render());

        // a member of that role: granted
        FakeDiscordApi.Call granted = answer(press(APPROVER, new String[] {APPROVER_ROLE}, approve, statusId));
        assertTrue(granted.text().contains("Approved: approve-cutover"), granted.text());

        // the gate: rules say GO; go asks for confirmation (Discord has no native confirm dialog)
        FakeDiscordApi.Call atGate = statusEdit(statusId, "[Go]");
        FakeDiscordApi.Call confirm = answer(press(AUTHORITY, NONE, atGate.customId("Go"), statusId));
        assertTrue(confirm.text().contains("Confirm `go`?"), confirm.text());
        assertEquals("gate-cutover", current());
        FakeDiscordApi.Call went = answer(press(AUTHORITY, NONE, confirm.customId("Confirm go"), messageIdOf(confirm)));
        assertTrue(went.text().contains("GO: gate-cutover"), went.text());

        // the same status message, edited in place, shows the run at switch-dns
        FakeDiscordApi.Call atSwitch = statusEdit(statusId, "[Done switch-dns]");
        assertEquals("switch-dns", current());
        FakeDiscordApi.Call switched = answer(press(OWNER, NONE, atSwitch.customId("Done switch-dns"), statusId));
        assertTrue(switched.text().contains("Done: switch-dns"), switched.text());

        // after the cutover a check trips a rollback trigger: the rules recommend ROLLBACK to the authority, in the channel
        checks.script(TriggerRules.CHECK, CheckStatus.FAIL);
        answer(command(OWNER, NONE, "check", "id", TriggerRules.CHECK));
        FakeDiscordApi.Call advice = api.await(c -> c.method().equals("POST") && c.path().equals("/api/v10/channels/" + CHANNEL + "/messages")
                && c.text().contains("Rules recommend ROLLBACK"), WAIT);
        assertTrue(advice.text().contains("error rate above 5%"), advice.text());
        FakeDiscordApi.Call ask = answer(press(AUTHORITY, NONE, advice.customId("Rollback"), "0"));
        assertTrue(ask.text().contains("Confirm `rollback`?"), ask.text());
        FakeDiscordApi.Call rolled = answer(press(AUTHORITY, NONE, ask.customId("Confirm rollback"), messageIdOf(ask)));
        assertTrue(rolled.text().contains("ROLLBACK"), rolled.text());
        statusEdit(statusId, "switch-back");
        List<FakeDiscordApi.Call> edits = api.calls(c -> c.method().equals("PATCH") && c.path().startsWith("/api/v10/channels/"));
        assertTrue(edits.stream().allMatch(c -> c.path().endsWith("/messages/" + statusId)), "only the status message is edited:\n" + api.render());
        assertTrue(edits.stream().anyMatch(c -> c.status() == 429), "a 429 was answered and waited out:\n" + api.render());
        assertTrue(edits.stream().allMatch(c -> ("Bot " + TOKEN).equals(c.authorization())));

        // the log: who did what, by their Discord ids; no token anywhere in it
        String runId = store.runs().get(0);
        List<Event> log = store.read(runId);
        RunState s = RunState.replay(runId, log);
        assertEquals("discord:" + APPROVER, s.approvals().get("approve-cutover").by());
        assertEquals("discord:" + STRANGER, s.refusals().get(0).user());
        assertEquals("discord:" + OWNER, s.step("lower-ttl").orElseThrow().completedBy());
        assertEquals(1, log.stream().filter(e -> e.type().equals(EventTypes.CUTOVER)).count());
        assertTrue(s.rollingBack(), "rolled back by the authority's confirmed press");
        for (Event e : log) {
            assertFalse(e.payload().contains(TOKEN) || e.payload().contains("tok1"), "a token in the log: " + e);
        }
    }

    private String current() {
        return bot.inspect(CHANNEL, st -> st.current().map(p -> p.stepId()).orElse("none")).orElse("no run");
    }

    /** The id the fake gave the message a call created or edited (an @original's id is fixed per token). */
    private String messageIdOf(FakeDiscordApi.Call original) {
        return api.messageId(original);
    }
}
