package dev.switchman.discord;

import dev.switchman.discord.testing.FakeDiscordApi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.switchman.core.bot.Bot;
import dev.switchman.core.chat.ChatMessage;
import dev.switchman.core.chat.Interaction;


import dev.switchman.core.chat.Visibility;
import dev.switchman.core.check.CheckProviders;
import dev.switchman.core.event.InMemoryEventStore;
import dev.switchman.core.run.DirectExecutorService;
import dev.switchman.core.testing.ScriptedChecks;
import dev.switchman.core.time.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Role;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.AutoCompleteQuery;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.requests.restaction.interactions.AutoCompleteCallbackAction;
import net.dv8tion.jda.api.requests.restaction.interactions.ReplyCallbackAction;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * Gateway mode: JDA events (Mockito stubs of JDA's types only: the gateway cannot be reached from a test)
 * go through the listener to the same handling as the HTTP endpoint; the first response goes through JDA's
 * callbacks, later answers to the fake Discord API on loopback.
 */
class GatewayListenerIT {

    private static final String CHANNEL = "300000000000000004";

    private final RecordingHandler handler = new RecordingHandler((channel, line) -> List.of("<" + line + ">"));
    private final List<Interaction> handled = handler.handled;

    private FakeDiscordApi api;
    private Scheduler scheduler;
    private DiscordBackend backend;
    private GatewayListener listener;
    private final JDA jda = mock(JDA.class);

    @BeforeEach
    void setUp() throws Exception {
        api = new FakeDiscordApi();
        scheduler = Scheduler.system(Clock.systemUTC());
        DiscordConfig config = DiscordConfig.fromEnv(Map.of("DISCORD_BOT_TOKEN", "test-bot-token-0123456789abcdef", "DISCORD_API_URL",
                api.baseUrl()));
        backend = new DiscordBackend(config, Clock.systemUTC(), scheduler, Duration.ofMillis(10)).connector((cfg, l) -> {
            listener = l;
            return jda;
        });
    }

    @AfterEach
    void tearDown() {
        backend.close();
        if (listener != null) {
            verify(jda).shutdownNow(); // a gateway that connected is shut down
        }
        scheduler.close();
        api.close();
    }

    private static User user(String id) {
        User u = mock(User.class);
        when(u.getId()).thenReturn(id);
        when(u.getEffectiveName()).thenReturn("user" + id);
        return u;
    }

    private static Member member(String name, String... roles) {
        Member m = mock(Member.class);
        when(m.getEffectiveName()).thenReturn(name);
        List<Role> rs = new java.util.ArrayList<>();
        for (String r : roles) {
            Role role = mock(Role.class);
            when(role.getId()).thenReturn(r);
            rs.add(role);
        }
        when(m.getRoles()).thenReturn(rs);
        return m;
    }

    private static OptionMapping option(String name, String value) {
        OptionMapping o = mock(OptionMapping.class);
        when(o.getName()).thenReturn(name);
        when(o.getType()).thenReturn(OptionType.STRING);
        when(o.getAsString()).thenReturn(value);
        return o;
    }

    private static OptionMapping flag(String name, boolean value) {
        OptionMapping o = mock(OptionMapping.class);
        when(o.getName()).thenReturn(name);
        when(o.getType()).thenReturn(OptionType.BOOLEAN);
        when(o.getAsBoolean()).thenReturn(value);
        return o;
    }

    private static ReplyCallbackAction action() {
        ReplyCallbackAction a = mock(ReplyCallbackAction.class);
        when(a.setEphemeral(anyBoolean())).thenReturn(a);
        when(a.submit()).thenReturn(CompletableFuture.completedFuture(mock(InteractionHook.class)));
        return a;
    }

    private SlashCommandInteractionEvent slash(String id, String token, String userId, Member member, String sub, OptionMapping... options) {
        SlashCommandInteractionEvent e = mock(SlashCommandInteractionEvent.class);
        when(e.getId()).thenReturn(id);
        when(e.getToken()).thenReturn(token);
        when(e.getChannelId()).thenReturn(CHANNEL);
        when(e.getName()).thenReturn("switchman");
        when(e.getSubcommandName()).thenReturn(sub);
        when(e.getOptions()).thenReturn(List.of(options));
        User u = user(userId);
        when(e.getUser()).thenReturn(u);
        when(e.getMember()).thenReturn(member);
        ReplyCallbackAction deferred = action();
        when(e.deferReply(anyBoolean())).thenReturn(deferred);
        ReplyCallbackAction replied = action();
        when(e.reply(any(MessageCreateData.class))).thenReturn(replied);
        api.interaction(token, CHANNEL);
        return e;
    }

    @Test
    void aTokenDiscordRefusesStopsTheStartWithOneSentence() {
        api.failNext("GET /oauth2/applications/@me", 1, 401, "{\"message\": \"401: Unauthorized\", \"code\": 0}");
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> backend.start(handler));
        assertTrue(listener == null, "the gateway was never connected with a refused token");
        assertEquals("DISCORD_BOT_TOKEN was refused by Discord (401 Unauthorized): reset it on the Bot page of the application in the "
                + "Developer Portal", e.getMessage());
    }

    @Test
    void startRegistersTheCommandAndConnectsTheGatewayWithoutIntents() {
        backend.start(handler);
        assertEquals(FakeDiscordApi.APP_ID, backend.applicationId(), "learned from /oauth2/applications/@me");
        assertTrue(api.calls().stream().anyMatch(c -> c.method().equals("PUT") && c.body().path(0).path("name").asText().equals("switchman")),
                api.render());
        assertTrue(listener != null);
        assertTrue(backend.endpoints().isEmpty(), "no public key: no HTTP endpoint");
    }

    @Test
    void aSlashCommandIsDeferredThenAnsweredByEditingTheOriginalThroughTheWebhook() throws Exception {
        backend.start(handler);
        CompletableFuture<Void> answered = new CompletableFuture<>();
        handler.behaviour = (in, r) -> {
            r.ack(Visibility.PUBLIC);
            CompletableFuture.runAsync(() -> {
                r.answer(ChatMessage.of(ChatMessage.Tone.INFO, "Status", "lower-ttl next"));
                answered.complete(null);
            });
        };
        SlashCommandInteractionEvent e = slash("41", "gw-token-41", "1001", member("Alice", "777"), "done",
                option("step", "lower-ttl"), option("note", "took 4 min"), flag("yes", false));
        listener.onSlashCommandInteraction(e);

        Interaction.TypedCommand typed = (Interaction.TypedCommand) handled.get(0);
        assertEquals("done lower-ttl \"took 4 min\"", typed.text());
        assertEquals("discord:1001", typed.user().qualifiedId());
        assertEquals("Alice", typed.user().displayName());
        assertEquals(Set.of("discord-role:777"), typed.user().groups());
        assertEquals("41", typed.deliveryId());
        verify(e).deferReply(false);
        verify(e, never()).reply(any(MessageCreateData.class));
        answered.get(10, java.util.concurrent.TimeUnit.SECONDS);
        FakeDiscordApi.Call edit = api.await(c -> c.path().endsWith("/webhooks/" + FakeDiscordApi.APP_ID + "/gw-token-41/messages/@original"),
                Duration.ofSeconds(10));
        assertTrue(edit.text().contains("lower-ttl next"));
    }

    @Test
    void anAnswerGivenAtOnceIsTheReplyWithItsVisibility() {
        backend.start(handler);
        handler.behaviour = (in, r) -> {
            r.ack(Visibility.EPHEMERAL);
            r.answer(ChatMessage.of(ChatMessage.Tone.DANGER, "Error", "unknown step"));
        };
        SlashCommandInteractionEvent e = slash("42", "gw-token-42", "1002", null, "go", option("reason", "now"), flag("yes", true));
        listener.onSlashCommandInteraction(e);
        assertEquals("go \"now\" --yes", ((Interaction.TypedCommand) handled.get(0)).text());
        assertEquals(Set.of(), handled.get(0).user().groups(), "a DM has no member and no roles");
        ArgumentCaptor<MessageCreateData> sent = ArgumentCaptor.forClass(MessageCreateData.class);
        verify(e).reply(sent.capture());
        assertEquals("unknown step", sent.getValue().getEmbeds().get(0).getDescription());
        verify(e.reply(sent.getValue())).setEphemeral(true);
        verify(e, never()).deferReply(anyBoolean());
    }

    @Test
    void aButtonPressIsHandedOverByItsCustomId() {
        backend.start(handler);
        ButtonInteractionEvent e = mock(ButtonInteractionEvent.class);
        when(e.getId()).thenReturn("43");
        when(e.getToken()).thenReturn("gw-token-43");
        when(e.getChannelId()).thenReturn(CHANNEL);
        when(e.getComponentId()).thenReturn("sm.k3j2.7");
        when(e.getMessageId()).thenReturn("555000000000000009");
        User u = user("1003");
        when(e.getUser()).thenReturn(u);
        Member m = member("Carol");
        when(e.getMember()).thenReturn(m);
        ReplyCallbackAction deferred = action();
        when(e.deferReply(anyBoolean())).thenReturn(deferred);
        listener.onButtonInteraction(e);
        Interaction.ButtonPress p = (Interaction.ButtonPress) handled.get(0);
        assertEquals("sm.k3j2.7", p.actionId());
        assertEquals("discord:1003", p.user().qualifiedId());
        assertEquals("555000000000000009", p.source().id());
        verify(e).deferReply(false);
    }

    @Test
    @SuppressWarnings("unchecked")
    void autocompleteRepliesWithTheBotsChoices() {
        backend.start(handler);
        CommandAutoCompleteInteractionEvent e = mock(CommandAutoCompleteInteractionEvent.class);
        when(e.getId()).thenReturn("44");
        when(e.getToken()).thenReturn("gw-token-44");
        when(e.getChannelId()).thenReturn(CHANNEL);
        when(e.getName()).thenReturn("switchman");
        when(e.getSubcommandName()).thenReturn("approve");
        User u = user("1004");
        when(e.getUser()).thenReturn(u);
        when(e.getMember()).thenReturn(null);
        OptionMapping partial = option("step", "appr");
        when(e.getOptions()).thenReturn(List.of(partial));
        AutoCompleteQuery q = mock(AutoCompleteQuery.class);
        when(q.getName()).thenReturn("step");
        when(q.getValue()).thenReturn("appr");
        when(e.getFocusedOption()).thenReturn(q);
        AutoCompleteCallbackAction a = mock(AutoCompleteCallbackAction.class);
        when(e.replyChoiceStrings(anyCollection())).thenReturn(a);
        listener.onCommandAutoCompleteInteraction(e);
        ArgumentCaptor<Collection<String>> choices = ArgumentCaptor.forClass(Collection.class);
        verify(e).replyChoiceStrings(choices.capture());
        assertEquals(List.of("<approve appr>"), List.copyOf(choices.getValue()));
        verify(a).queue();
        assertTrue(handled.isEmpty());
    }

    @Test
    void theRealBotAnswersASlashCommandFromTheGateway() throws Exception {
        ExecutorService runs = Executors.newFixedThreadPool(2);
        try (Bot bot = Bot.builder().runbooks(List.of(DiscordWholeRunIT.runbook())).store(new InMemoryEventStore()).clock(Clock.systemUTC())
                .scheduler(scheduler).checkProviders(new CheckProviders(List.of(new ScriptedChecks()))).checkExecutor(new DirectExecutorService())
                .runExecutor(runs).backend(backend).build()) {
            bot.start();
            SlashCommandInteractionEvent e = slash("45", "gw-token-45", "1001", member("Alice"), "start", option("runbook", "discord-cutover"));
            listener.onSlashCommandInteraction(e);
            verify(e).deferReply(false);
            FakeDiscordApi.Call status = api.await(c -> c.path().endsWith("/gw-token-45/messages/@original"), Duration.ofSeconds(10));
            assertTrue(status.text().contains("[Done lower-ttl]"), status.text());
            SlashCommandInteractionEvent typo = slash("46", "gw-token-46", "1001", member("Alice"), "type", option("command", "strat x"));
            listener.onSlashCommandInteraction(typo);
            verify(typo).reply(any(MessageCreateData.class));
            verify(typo.reply(mock(MessageCreateData.class))).setEphemeral(true);
        } finally {
            runs.shutdownNow();
        }
    }
}
