package dev.switchman.checks.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectionsTest {

    final Connections connections = new Connections(Map.of("connection.old-db", "jdbc:postgresql://old:5432/shop?user=app&password=pw1"),
            Map.of("NEW_URL", "jdbc:mariadb://new:3306/shop", "SWITCHMAN_CONNECTION_QUEUE", "amqp://u:p@mq:5672/")::get);

    @Test
    void aUrlIsTakenAsItIs() {
        assertEquals("redis://127.0.0.1:6379", connections.resolve("broker", "redis://127.0.0.1:6379"));
    }

    @Test
    void envReferencesAndNamesResolve() {
        assertEquals("jdbc:mariadb://new:3306/shop", connections.resolve("new", "${env:NEW_URL}"));
        assertTrue(connections.resolve("old", "old-db").startsWith("jdbc:postgresql://old"));
        assertEquals("amqp://u:p@mq:5672/", connections.resolve("broker", "queue"));
    }

    @Test
    void anUndefinedNameSaysHowToDefineItAndNeverShowsValues() {
        ConnectionException e = assertThrows(ConnectionException.class, () -> connections.resolve("replica", "replica-db"));
        assertTrue(e.getMessage().contains("SWITCHMAN_CONNECTION_REPLICA_DB"), e.getMessage());
        ConnectionException unset = assertThrows(ConnectionException.class, () -> connections.resolve("old", "${env:NOT_SET}"));
        assertTrue(unset.getMessage().contains("NOT_SET is not set"), unset.getMessage());
    }

    @Test
    void credentialsAreMaskedInTextAndDroppedFromTargets() {
        assertEquals("amqp://guest:***@h:5672/ and jdbc:x?user=a&password=***", new ConnectionException("amqp://guest:guest@h:5672/ and jdbc:x?user=a&password=hunter2").getMessage());
        assertEquals("postgresql://old:5432/shop", Jdbc.where("jdbc:postgresql://old:5432/shop?user=app&password=pw1"));
        assertEquals("amqp://mq:5672/", Jdbc.where("amqp://u:p@mq:5672/"));
        assertFalse(Jdbc.where("redis://:s3cret@r:6379/0").contains("s3cret"));
    }
}
