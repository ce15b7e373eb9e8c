package dev.switchman.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchman.core.chat.ChatMessage;
import dev.switchman.core.chat.Interaction;
import dev.switchman.core.chat.Visibility;
import dev.switchman.core.time.ManualClock;
import dev.switchman.slack.testing.FakeSlackWebApi;
import dev.switchman.slack.testing.FakeSocketModeServer;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Socket Mode against a local WebSocket endpoint handed out by the fake {@code apps.connections.open}. */
class SlackSocketModeTest {

    private static String slash(String envelope, String user, String text) {
        return "{\"envelope_id\":\"" + envelope + "\",\"type\":\"slash_commands\",\"accepts_response_payload\":true,\"payload\":{"
                + "\"token\":\"legacy\",\"team_id\":\"T0FAKE\",\"team_domain\":\"fake\",\"channel_id\":\"C1\",\"channel_name\":\"ops\","
                + "\"user_id\":\"" + user + "\",\"user_name\":\"u\",\"command\":\"/switchman\",\"text\":\"" + text + "\","
                + "\"api_app_id\":\"A0APP\",\"response_url\":\"https://hooks.slack.test/x\",\"trigger_id\":\"trig-" + envelope + "\"}}";
    }

    @Test
    void slashCommandsAndPressesArriveOverTheWebSocket() throws Exception {
        ManualClock clock = new ManualClock(Instant.parse("2026-11-30T21:00:00Z"));
        List<Interaction> received = new CopyOnWriteArrayList<>();
        try (FakeSlackWebApi api = FakeSlackWebApi.start(); FakeSocketModeServer ws = FakeSocketModeServer.start()) {
            api.socketMode(ws);
            SlackBackend backend = new SlackBackend("xoxb-0000-1111-socket-test", null, "xapp-1-A0APP-1-abcdef0123456789", api.url(), clock, false);
            assertTrue(backend.endpoints().isEmpty(), "Socket Mode only: no HTTP endpoint");
            backend.start((in, reply) -> {
                received.add(in);
                if (in instanceof Interaction.TypedCommand t && t.text().startsWith("typo")) {
                    reply.ack(Visibility.EPHEMERAL);
                    reply.answer(ChatMessage.text("unknown command `typo`"));
                } else {
                    reply.ack(Visibility.PUBLIC);
                    reply.answer(ChatMessage.text("done " + (in instanceof Interaction.TypedCommand t ? t.text() : "press")));
                }
            });
            try {
                assertTrue(ws.awaitConnected(60), "the client connected to the URL apps.connections.open gave");
                ws.send(slash("e1", "U123", "typo here"));
                String ack = ws.nextFromClient(60);
                assertNotNull(ack, "acknowledged over the socket");
                assertTrue(ack.contains("\"envelope_id\":\"e1\"") && ack.contains("ephemeral") && ack.contains("unknown command"), ack);

                ws.send(slash("e2", "U123", "status"));
                String ack2 = ws.nextFromClient(60);
                assertTrue(ack2 != null && ack2.contains("\"envelope_id\":\"e2\""), ack2);
                FakeSlackWebApi.Call answer = api.await(c -> c.method().equals("chat.postMessage"), 30, "the public answer");
                assertEquals("done status", answer.param("text"));
                Interaction.TypedCommand t = assertInstanceOf(Interaction.TypedCommand.class, received.get(1));
                assertEquals("slack:U123", t.user().qualifiedId());

                String press = "{\"envelope_id\":\"e3\",\"type\":\"interactive\",\"accepts_response_payload\":false,\"payload\":"
                        + java.net.URLDecoder.decode(dev.switchman.slack.testing.SignedSlackRequests.blockAction("U777", "bob", "C1",
                                "1700000000.000200", "b7k2p9", "trig-3").substring("payload=".length()), java.nio.charset.StandardCharsets.UTF_8)
                        + "}";
                ws.send(press);
                String ack3 = ws.nextFromClient(60);
                assertTrue(ack3 != null && ack3.contains("\"envelope_id\":\"e3\""), ack3);
                Interaction.ButtonPress p = assertInstanceOf(Interaction.ButtonPress.class, received.get(2));
                assertEquals("b7k2p9", p.actionId());
                assertEquals("slack:U777", p.user().qualifiedId());
            } finally {
                backend.close();
            }
        }
    }
}
