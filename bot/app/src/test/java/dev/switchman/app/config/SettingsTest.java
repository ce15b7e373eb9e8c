package dev.switchman.app.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {

    @TempDir
    Path dir;

    @Test
    void defaultStoreIsAnH2FileInSwitchmanHomeThatWritesEachCommit() {
        Settings s = Settings.from(Map.of("SWITCHMAN_HOME", dir.toString()), dir, List.of());
        assertEquals(dir.toAbsolutePath().normalize(), s.home());
        assertEquals("jdbc:h2:file:" + dir.resolve("switchman").toString().replace('\\', '/') + ";WRITE_DELAY=0", s.dbUrl());
    }

    @Test
    void givenUrlIsKeptButH2GetsItsWriteDelayUnlessSet() {
        assertEquals("jdbc:postgresql://db/x?user=u", Settings.from(Map.of("SWITCHMAN_DB_URL", "jdbc:postgresql://db/x?user=u"), dir, List.of()).dbUrl());
        assertEquals("jdbc:h2:file:/x;WRITE_DELAY=100", Settings.from(Map.of("SWITCHMAN_DB_URL", "jdbc:h2:file:/x;WRITE_DELAY=100"), dir, List.of()).dbUrl());
        assertEquals("jdbc:h2:mem:x", Settings.from(Map.of("SWITCHMAN_DB_URL", "jdbc:h2:mem:x"), dir, List.of()).dbUrl());
    }

    @Test
    void runbookFoldersAreDotRunbooksWhenPresentThenEachGivenOne() throws Exception {
        Files.createDirectories(dir.resolve("runbooks"));
        Settings s = Settings.from(Map.of(), dir, List.of("extra"));
        assertEquals(List.of(dir.resolve("runbooks"), dir.resolve("extra")), s.runbookDirs());
    }

    @Test
    void passwordsAreHiddenForDisplay() {
        Settings s = Settings.from(Map.of("SWITCHMAN_DB_URL", "jdbc:postgresql://db/x?user=u&password=hunter2"), dir, List.of());
        assertTrue(!s.dbUrlForDisplay().contains("hunter2"), s.dbUrlForDisplay());
    }

    @Test
    void dbUserAndPasswordFromTheEnvironmentReachTheDriverAndNeverShow() {
        String url = "jdbc:h2:file:" + dir.resolve("pw").toString().replace('\\', '/');
        Map<String, String> env = Map.of("SWITCHMAN_DB_URL", url, "SWITCHMAN_DB_USER", "opsuser", "SWITCHMAN_DB_PASSWORD", "Env-Pw-4711");
        Settings s = Settings.from(env, dir, List.of());
        s.openStore().close();
        // H2 created the database with that user and password: a wrong password is refused, the right one opens it
        Settings wrong = Settings.from(Map.of("SWITCHMAN_DB_URL", url, "SWITCHMAN_DB_USER", "opsuser", "SWITCHMAN_DB_PASSWORD", "wrong-pw"), dir, List.of());
        RuntimeException e = assertThrows(RuntimeException.class, wrong::openStore);
        assertFalse(String.valueOf(e.getMessage()).contains("Env-Pw-4711"));
        s.openStore().close();
        assertFalse(s.toString().contains("Env-Pw-4711"), s.toString());
        assertEquals("password: ***", dev.switchman.core.secret.Secrets.redact("password: Env-Pw-4711"));
    }
}
