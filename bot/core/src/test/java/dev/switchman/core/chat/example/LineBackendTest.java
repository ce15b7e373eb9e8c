package dev.switchman.core.chat.example;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchman.core.bot.Bot;
import dev.switchman.core.run.DirectExecutorService;
import dev.switchman.core.testing.TestBots;
import dev.switchman.core.testing.TestRunbooks;
import dev.switchman.core.time.ManualClock;
import dev.switchman.core.time.ManualScheduler;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The example of docs/chat-backends.md runs a run end to end. */
class LineBackendTest {

    @Test
    void theSmallestBackendRunsARunbook() {
        List<String> lines = new ArrayList<>();
        ManualClock clock = new ManualClock(TestBots.START);
        LineBackend backend = new LineBackend(lines::add, clock);
        Bot bot = Bot.builder().runbooks(List.of(TestRunbooks.tiny())).clock(clock).scheduler(new ManualScheduler(clock))
                .checkExecutor(new DirectExecutorService()).backend(backend).build();
        backend.start(bot);

        backend.typed("alice", "start tiny");
        backend.typed("alice", "done one");

        String all = String.join("\n", lines);
        assertTrue(all.contains("Run tiny-"), all);
        assertTrue(all.contains("Done: one"), all);
        assertTrue(all.contains("`done one`"), "buttons become commands to type: " + all);
        bot.close();
    }
}
