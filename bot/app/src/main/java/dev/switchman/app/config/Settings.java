package dev.switchman.app.config;

import dev.switchman.core.event.EventStore;
import dev.switchman.core.event.EventStores;
import dev.switchman.core.secret.Secrets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where Switchman keeps its state and finds its runbooks. From the environment:
 * {@code SWITCHMAN_HOME} (default {@code ~/.switchman}), {@code SWITCHMAN_DB_URL} (default an H2 file
 * {@code <home>/switchman.mv.db}); runbook folders: the bundled ones (always), {@code ./runbooks}
 * when present, and every {@code --runbooks DIR}. {@code SWITCHMAN_DB_USER} and {@code SWITCHMAN_DB_PASSWORD}
 * (both optional) go to the JDBC driver as its {@code user} and {@code password} properties, so the
 * password need not sit in the URL; the password is registered with {@link Secrets} and never shown.
 */
public record Settings(Path home, String dbUrl, String dbUser, String dbPassword, List<Path> runbookDirs) {

    public Settings {
        runbookDirs = List.copyOf(runbookDirs);
        dbUser = dbUser == null || dbUser.isBlank() ? null : dbUser;
        dbPassword = dbPassword == null || dbPassword.isEmpty() ? null : dbPassword;
        Secrets.register(dbPassword);
    }

    /** Opens (and migrates) the event store these settings name. */
    public EventStore openStore() {
        return EventStores.open(dbUrl, dbUser, dbPassword);
    }

    public static Settings from(Map<String, String> env, Path workingDir, List<String> extraRunbookDirs) {
        String homeVar = env.get("SWITCHMAN_HOME");
        Path home = homeVar != null && !homeVar.isBlank()
                ? Path.of(homeVar).toAbsolutePath().normalize()
                : Path.of(System.getProperty("user.home"), ".switchman");
        String url = env.get("SWITCHMAN_DB_URL");
        if (url == null || url.isBlank()) {
            url = "jdbc:h2:file:" + home.resolve("switchman").toString().replace('\\', '/');
        }
        url = durableH2(url);
        List<Path> dirs = new ArrayList<>();
        Path local = workingDir.resolve("runbooks");
        if (Files.isDirectory(local)) {
            dirs.add(local.toAbsolutePath().normalize());
        }
        for (String d : extraRunbookDirs) {
            Path p = workingDir.resolve(d).toAbsolutePath().normalize();
            if (!dirs.contains(p)) {
                dirs.add(p);
            }
        }
        return new Settings(home, url, env.get("SWITCHMAN_DB_USER"), env.get("SWITCHMAN_DB_PASSWORD"), dirs);
    }

    /**
     * H2 writes committed transactions to its file in the background (up to 500 ms later by
     * default), so a {@code kill -9} loses the last events. {@code WRITE_DELAY=0} writes each commit
     * to the file at once (the OS has it even if the process dies). Added unless the URL sets it.
     */
    static String durableH2(String url) {
        if (url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:mem:") && !url.toUpperCase(java.util.Locale.ROOT).contains("WRITE_DELAY=")) {
            return url + ";WRITE_DELAY=0";
        }
        return url;
    }

    /** The database URL with any password hidden, for messages and logs. */
    @Override
    public String toString() {
        return "Settings[home=" + home + ", dbUrl=" + dbUrlForDisplay() + ", dbUser=" + dbUser + ", dbPassword="
                + (dbPassword == null ? "none" : Secrets.MASK) + ", runbookDirs=" + runbookDirs + "]";
    }

    /** The database URL with any password hidden, for messages and logs. */
    public String dbUrlForDisplay() {
        return Secrets.redact(dbUrl);
    }
}
