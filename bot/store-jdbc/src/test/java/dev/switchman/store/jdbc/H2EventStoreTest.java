package dev.switchman.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchman.core.event.EventStore;
import dev.switchman.core.event.EventStoreContract;
import dev.switchman.core.event.EventStoreException;
import dev.switchman.core.event.EventStores;
import dev.switchman.core.event.InMemoryEventStore;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H2EventStoreTest extends EventStoreContract {

    @TempDir
    static Path dir;

    @Override
    protected EventStore open() {
        return EventStores.open(EventStores.h2Url(dir));
    }

    @Override
    protected EventStore second() {
        return EventStores.open(EventStores.h2Url(dir));
    }

    @Test
    void eventsSurviveClosingAndReopeningTheFile() {
        store.append(prefix + "a", "T", "{\"kept\":true}", "x", T0, "k");
        store.close();
        store = open();
        assertEquals("{\"kept\":true}", store.read(prefix + "a").get(0).payload());
        assertTrue(store.findByIdempotencyKey(prefix + "a", "k").isPresent());
    }

    @Test
    void rejectsAnUnknownUrlWithoutShowingThePassword() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EventStores.open("jdbc:mysql://db:3306/x?user=a&password=s3cret"));
        assertTrue(e.getMessage().contains("password=***") && !e.getMessage().contains("s3cret"), e.getMessage());
    }

    @Test
    void neverLogsThePasswordOfTheUrl(@TempDir Path other) {
        String url = EventStores.h2Url(other) + ";PASSWORD=s3cr3t-h2";
        String logs = LogCapture.during(() -> EventStores.open(url));
        assertTrue(logs.contains("event store: H2"), logs);
        assertTrue(!logs.contains("s3cr3t-h2"), logs);
        // the password still reached the database: the same password opens it again
        EventStores.open(url).close();
    }

    @Test
    void opensTheH2FileInTheGivenDirectoryWhenTheEnvironmentNamesNoUrl(@TempDir Path home) {
        EventStore s = EventStores.fromEnvironment(java.util.Map.of(), home);
        s.append("r", "T", "{}", "x", T0, null);
        s.close();
        assertTrue(java.nio.file.Files.exists(home.resolve("switchman.mv.db")));
        EventStore mem = EventStores.fromEnvironment(java.util.Map.of("SWITCHMAN_DB_URL", "memory"), home);
        assertTrue(mem instanceof InMemoryEventStore);
    }

    @Test
    void redactsPasswordsInUrls() {
        assertEquals("jdbc:postgresql://db/x?user=sm&password=***", EventStores.redact("jdbc:postgresql://db/x?user=sm&password=hunter2"));
        assertEquals("jdbc:postgresql://sm:***@db/x", EventStores.redact("jdbc:postgresql://sm:hunter2@db/x"));
        assertEquals("jdbc:h2:file:/tmp/x;USER=sa;PASSWORD=***", EventStores.redact("jdbc:h2:file:/tmp/x;USER=sa;PASSWORD=pw"));
    }

    @Test
    void aDamagedFileIsOneSentenceSayingWhatToDo(@TempDir Path other) throws java.io.IOException {
        java.nio.file.Files.writeString(other.resolve("switchman.mv.db"), "this is not an H2 database\n".repeat(200));
        EventStoreException e = assertThrows(EventStoreException.class, () -> EventStores.open(EventStores.h2Url(other)));
        assertTrue(e.getMessage().contains("cannot be read (the file is damaged or not a Switchman H2 store)"), e.getMessage());
        assertTrue(e.getMessage().contains("restore it from a backup, or move it aside"), e.getMessage());
    }
}
