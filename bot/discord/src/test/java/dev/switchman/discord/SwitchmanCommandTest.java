package dev.switchman.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchman.core.command.Invocation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SwitchmanCommandTest {

    private static Map<String, Object> opts(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    @Test
    void subcommandsAndOptionsBecomeTheConsolesLineInDeclaredOrder() {
        assertEquals("start hello-cutover", SwitchmanCommand.line("start", opts("runbook", "hello-cutover")));
        assertEquals("done lower-ttl \"took 4 min\"", SwitchmanCommand.line("done", opts("note", "took 4 min", "step", "lower-ttl")));
        assertEquals("done verify-ttl --override \"dns cache is stale\"",
                SwitchmanCommand.line("done", opts("step", "verify-ttl", "override", "dns cache is stale")));
        assertEquals("rollback \"error rate 4%\" --yes", SwitchmanCommand.line("rollback", opts("yes", true, "reason", "error rate 4%")));
        assertEquals("go", SwitchmanCommand.line("go", opts("yes", false)));
        assertEquals("notify execs \"Cutover at 10:00\"", SwitchmanCommand.line("notify", opts("audience", "execs", "text", "Cutover at 10:00")));
        assertEquals("rehearse done lower-ttl", SwitchmanCommand.line("type", opts("command", "  rehearse done lower-ttl ")));
        assertEquals("frobnicate", SwitchmanCommand.line("frobnicate", opts()), "unknown: the bot says so");
    }

    @Test
    void whatAUserTypesInAnOptionStaysOneArgumentAndNeverAnOption() {
        String nasty = "a \"quoted\" \\ “curly” --yes";
        Invocation inv = Invocation.parse(SwitchmanCommand.line("go", opts("reason", nasty)));
        assertEquals(List.of(nasty.replace('“', '"').replace('”', '"')), inv.args());
        assertFalse(inv.yes(), "--yes inside a reason does not confirm");
        Invocation step = Invocation.parse(SwitchmanCommand.line("done", opts("step", "--override")));
        assertEquals(List.of("--override"), step.args());
        assertTrue(step.options().isEmpty());
    }

    @Test
    void completionSeesWhichArgumentIsTyped() {
        assertEquals(Optional.of("start hel"), SwitchmanCommand.completionLine("start", opts("runbook", "hel"), "runbook", "hel"));
        assertEquals(Optional.of("approve "), SwitchmanCommand.completionLine("approve", opts(), "step", ""));
        assertEquals(Optional.empty(), SwitchmanCommand.completionLine("go", opts("reason", "x"), "reason", "x"));
        assertEquals(Optional.empty(), SwitchmanCommand.completionLine("nope", opts(), "x", ""));
    }

    @Test
    void theDefinitionFitsDiscordsLimits() {
        var def = SwitchmanCommand.definition();
        assertTrue(def.getSubcommands().size() <= 25);
        def.getSubcommands().forEach(s -> {
            assertTrue(s.getName().matches("[a-z-]{1,32}"), s.getName());
            assertTrue(s.getDescription().length() <= 100, s.getDescription());
        });
        assertTrue(SwitchmanCommand.registrationJson().startsWith("[{"));
    }

    @Test
    void configurationErrorsNameTheVariableAndNeverTheToken() {
        String token = "MTIzNDU2Nzg5MDEyMzQ1Njc4.Gabcde.abcdefghijklmnopqrstuvwxyz0123";
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DiscordConfig.fromEnv(Map.of("DISCORD_PUBLIC_KEY", "ab")))
                .getMessage().startsWith("DISCORD_BOT_TOKEN is not set"));
        IllegalArgumentException key = assertThrows(IllegalArgumentException.class,
                () -> DiscordConfig.fromEnv(Map.of("DISCORD_BOT_TOKEN", token, "DISCORD_PUBLIC_KEY", "xyz")));
        assertTrue(key.getMessage().startsWith("DISCORD_PUBLIC_KEY: expected 64 hex digits"), key.getMessage());
        IllegalArgumentException mode = assertThrows(IllegalArgumentException.class,
                () -> DiscordConfig.fromEnv(Map.of("DISCORD_BOT_TOKEN", token, "DISCORD_MODE", "http")));
        assertTrue(mode.getMessage().contains("needs DISCORD_PUBLIC_KEY"), mode.getMessage());
        IllegalArgumentException url = assertThrows(IllegalArgumentException.class,
                () -> DiscordConfig.fromEnv(Map.of("DISCORD_BOT_TOKEN", token, "DISCORD_API_URL", "ftp://u:" + token + "@x")));
        assertFalse(url.getMessage().contains(token), url.getMessage());
        DiscordConfig ok = DiscordConfig.fromEnv(Map.of("DISCORD_BOT_TOKEN", token));
        assertEquals(DiscordConfig.Mode.GATEWAY, ok.mode());
        assertFalse(ok.toString().contains(token));
        assertTrue(new DiscordBackendFactory().configured(Map.of("DISCORD_BOT_TOKEN", token)));
        assertFalse(new DiscordBackendFactory().configured(Map.of()));
    }
}
