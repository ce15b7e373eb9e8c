package dev.switchman.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.switchman.core.chat.ChatMessage;
import dev.switchman.core.testing.Conformance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Discord's documented examples and Discord4J's gateway samples (../shared/conformance/discord/), every file
 * run: interactions read as {@link Incoming} (type, who acted and their role ids, command, options, custom
 * id), message and command bodies compared in shape with what {@link DiscordMessages} and
 * {@link SwitchmanCommand} send. A file with no expectation below fails ("unjudged"), so a file added to the
 * folder is never skipped silently. JSONC fragments are read with comments and trailing commas allowed and
 * the {@code ...additionalInteractionFields} placeholder line removed.
 */
class DiscordPayloadConformanceTest {

    /** Deliberate deviations, also in docs/conformance.md. */
    static final Map<String, String> DEVIATIONS = Map.of(
            "docs-examples/message-with-text-display-component.json",
            "Components V2 (flag 32768, text displays) cannot carry embeds; Switchman sends an embed with action rows of buttons",
            "docs-examples/response-type9-modal.json", "Switchman opens no modals (no form interactions yet)");

    private static final Map<String, String> RESULTS = new ConcurrentHashMap<>();
    private static final JsonMapper JSONC = JsonMapper.builder().enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA).build();

    private final Map<String, Consumer<JsonNode>> expectations = new LinkedHashMap<>();

    DiscordPayloadConformanceTest() {
        expectations.put("docs-examples/interaction-type2-slash-command.json", n -> {
            Incoming in = Incoming.fromJson(n);
            assertEquals(Incoming.Type.APPLICATION_COMMAND, in.type());
            assertEquals("discord:53908232506183680", in.user().qualifiedId());
            assertEquals(Set.of("discord-role:539082325061836999"), in.user().groups());
            assertEquals("cardsearch", in.command());
            assertNull(in.subcommand());
            assertEquals(Map.of("cardname", "The Gitrog Monster"), in.options());
            assertEquals("645027906669510667", in.channelId());
            assertEquals("786008729715212338", in.id());
        });
        expectations.put("docs-examples/interaction-type2-user-command.json", n -> contextMenu(n, "context-menu-user-2"));
        expectations.put("docs-examples/interaction-type2-message-command.json", n -> contextMenu(n, "context-menu-message-2"));
        expectations.put("docs-examples/interaction-type3-button-click.fragment.jsonc", n -> {
            Incoming in = Incoming.fromJson(n);
            assertEquals(Incoming.Type.MESSAGE_COMPONENT, in.type());
            assertEquals("click_me", in.customId());
            assertNull(in.user(), "a fragment names nobody: nobody may act");
        });
        expectations.put("docs-examples/interaction-type3-string-select.fragment.jsonc", n -> {
            Incoming in = Incoming.fromJson(n);
            assertEquals(Incoming.Type.MESSAGE_COMPONENT, in.type());
            assertEquals("favorite_bug", in.customId());
        });
        expectations.put("docs-examples/interaction-type4-autocomplete.json", n -> {
            Incoming in = Incoming.fromJson(n);
            assertEquals(Incoming.Type.AUTOCOMPLETE, in.type());
            assertEquals("airhorn", in.command());
            assertEquals("variant", in.focused());
            assertEquals("data a user is typ", in.focusedValue());
            assertTrue(SwitchmanCommand.completionLine(in.subcommand(), in.options(), in.focused(), in.focusedValue()).isEmpty(),
                    "another application's command completes nothing");
        });
        expectations.put("docs-examples/message-with-button.jsonc", n -> {
            JsonNode ours = json(DiscordMessages.json(ChatMessage.builder("t").button(
                    new ChatMessage.Button("Click me!", "done x", false, false, "click_me")).build(), false));
            JsonNode row = n.path("components").path(0);
            JsonNode ourRow = ours.path("components").path(0);
            assertEquals(row.path("type"), ourRow.path("type"));
            for (String k : List.of("type", "custom_id", "label", "style")) {
                assertEquals(row.path("components").path(0).path(k), ourRow.path("components").path(0).path(k), k);
            }
        });
        expectations.put("docs-examples/slash-command-definition.json", n -> {
            JsonNode ours = json(SwitchmanCommand.definition().toData().toString());
            assertEquals(n.path("type"), ours.path("type"), "CHAT_INPUT");
            Set<String> theirs = keys(n.path("options").path(1));
            JsonNode flag = findOption(ours, "go", "yes");
            JsonNode word = findOption(ours, "start", "runbook");
            assertTrue(keys(flag).containsAll(theirs), "a boolean option has " + theirs + ": " + flag);
            assertEquals(n.path("options").path(1).path("type"), flag.path("type"), "BOOLEAN is 5");
            assertEquals(n.path("options").path(0).path("type"), word.path("type"), "STRING is 3");
            assertEquals(1, ours.path("options").path(0).path("type").asInt(), "SUB_COMMAND is 1");
        });
        expectations.put("discord4j-json/InteractionCreate.json", n -> {
            assertEquals("INTERACTION_CREATE", n.path("t").asText());
            Incoming in = Incoming.fromJson(n.path("d"));
            assertEquals(Incoming.Type.APPLICATION_COMMAND, in.type());
            assertEquals("discord:275616469906358273", in.user().qualifiedId());
            assertEquals(Set.of("discord-role:609370233916096514"), in.user().groups());
            assertEquals("352205866889641984", in.applicationId());
            assertEquals("payload", in.command());
            assertEquals("hello", in.options().get("string"));
            assertEquals(52, ((Number) in.options().get("integer")).intValue());
            assertEquals(false, in.options().get("boolean"));
            assertEquals("342074301840752640", in.channelId());
            assertEquals("Shadorc", in.user().displayName());
        });
        expectations.put("discord4j-json/InteractionCreate.SubCommandGroup.json", n -> {
            Incoming in = Incoming.fromJson(n.path("d"));
            assertEquals("group cmd", in.subcommand());
            assertEquals("group cmd", SwitchmanCommand.line(in.subcommand(), in.options()), "no group in /switchman: answered as unknown");
        });
    }

    private static void contextMenu(JsonNode n, String name) {
        Incoming in = Incoming.fromJson(n);
        assertEquals(Incoming.Type.APPLICATION_COMMAND, in.type());
        assertEquals(name, in.command());
        assertEquals("discord:167348773423415296", in.user().qualifiedId(), "the actor, not the target (" + n.path("data").path("target_id") + ")");
        assertEquals(Set.of("discord-role:785609923542777878"), in.user().groups());
        assertFalse(SwitchmanCommand.NAME.equals(in.command()));
    }

    private static JsonNode findOption(JsonNode cmd, String sub, String option) {
        for (JsonNode s : cmd.path("options")) {
            if (!s.path("name").asText().equals(sub)) continue;
            for (JsonNode o : s.path("options")) if (o.path("name").asText().equals(option)) return o;
        }
        throw new AssertionError("no option " + sub + "." + option);
    }

    private static Set<String> keys(JsonNode n) {
        Set<String> k = new HashSet<>();
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) k.add(it.next());
        return k;
    }

    private static JsonNode json(String s) {
        try {
            return JSONC.readTree(s);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @TestFactory
    Stream<DynamicTest> everySampleIsReadAsDiscordDocumentsIt() throws IOException {
        Path dir = Conformance.dir("discord");
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(p -> p.toString().endsWith(".json") || p.toString().endsWith(".jsonc")).sorted().toList();
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (Path f : files) {
            String name = dir.relativize(f).toString().replace('\\', '/');
            tests.add(dynamicTest(name, () -> {
                String deviation = DEVIATIONS.get(name);
                if (deviation != null) {
                    RESULTS.put(name, "deviation: " + deviation);
                    Assumptions.abort("deliberate deviation (docs/conformance.md): " + deviation);
                }
                Consumer<JsonNode> check = expectations.get(name);
                if (check == null) {
                    RESULTS.put(name, "FAILED: unjudged");
                    throw new AssertionError(name + " has no expectation in this test: add one");
                }
                String text = Files.readString(f).lines().filter(l -> !l.strip().startsWith("...")).collect(Collectors.joining("\n"));
                try {
                    check.accept(json(text));
                    RESULTS.put(name, "passed");
                } catch (AssertionError | RuntimeException e) {
                    RESULTS.put(name, "FAILED: " + e.getMessage());
                    throw e;
                }
            }));
        }
        return tests.stream();
    }

    @AfterAll
    static void report() {
        Map<String, String> r = new TreeMap<>(RESULTS);
        long passed = r.values().stream().filter("passed"::equals).count();
        long failed = r.values().stream().filter(v -> v.startsWith("FAILED")).count();
        StringBuilder b = new StringBuilder(String.format("Discord samples (%d files): %d passed, %d failed, %d deliberate deviations%n",
                r.size(), passed, failed, r.size() - passed - failed));
        r.forEach((k, v) -> {
            if (!v.equals("passed")) b.append("  ").append(k).append(": ").append(v).append('\n');
        });
        Conformance.report("discord.txt", b.toString());
    }
}
