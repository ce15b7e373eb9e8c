package dev.switchman.checks.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server with {@code wal_level = logical}, for logical replication tests: the local
 * server at 127.0.0.1:5432 if it already runs with that level, else a private cluster the test
 * starts from the local PostgreSQL installation ({@code initdb} + {@code pg_ctl}, in a temporary
 * directory, on a free loopback port, as user postgres when the tests run as root) and removes
 * afterwards. Databases the test creates are dropped by {@link #close()}.
 *
 * <p>To use the shared server instead: {@code ALTER SYSTEM SET wal_level = logical;} and restart it
 * ({@code pg_ctlcluster 15 main restart}).
 */
public final class PostgresCluster implements AutoCloseable {

    private final int port;
    private final Path dataDir; // null for the shared server
    private final Path bin;
    private final List<String> databases = new ArrayList<>();

    private PostgresCluster(int port, Path dataDir, Path bin) {
        this.port = port;
        this.dataDir = dataDir;
        this.bin = bin;
    }

    /** A server that can do logical replication, or a CI failure / abort saying why there is none. */
    public static PostgresCluster logical() {
        try (Connection c = DriverManager.getConnection(Services.POSTGRES); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SHOW wal_level")) {
            rs.next();
            if ("logical".equals(rs.getString(1))) {
                return new PostgresCluster(5432, null, null);
            }
        } catch (SQLException e) {
            // the shared server is down: try a private one
        }
        try {
            return startPrivate();
        } catch (IOException | InterruptedException | RuntimeException e) {
            throw Services.missing("PostgreSQL with wal_level=logical: the server at 127.0.0.1:5432 is not (ALTER SYSTEM SET wal_level = logical; then restart it) "
                    + "and no private cluster could be started from the local installation", e);
        }
    }

    private static PostgresCluster startPrivate() throws IOException, InterruptedException {
        Path bin = findBin();
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path dir = Files.createTempDirectory("switchman-pg-");
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root) {
            exec(List.of("chown", "postgres:postgres", dir.toString()), false);
        }
        Path data = dir.resolve("data");
        exec(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync", "--no-instructions"), root);
        String opts = "-p " + port + " -c listen_addresses=127.0.0.1 -k " + dir + " -c wal_level=logical -c fsync=off -c synchronous_commit=off"
                + " -c full_page_writes=off -c shared_buffers=32MB -c max_wal_senders=10 -c max_replication_slots=10 -c max_connections=50";
        exec(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-t", "60", "-l", dir.resolve("log").toString(), "-o", opts, "start"), root);
        return new PostgresCluster(port, data, bin);
    }

    private static Path findBin() throws IOException {
        Path base = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(base)) {
            throw new IOException("no PostgreSQL installation under " + base);
        }
        try (Stream<Path> versions = Files.list(base)) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparing(p -> p.getParent().getFileName().toString()))
                    .orElseThrow(() -> new IOException("no initdb under " + base));
        }
    }

    private static void exec(List<String> command, boolean asPostgres) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        if (asPostgres) {
            cmd.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        cmd.addAll(command);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(90, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output.strip());
        }
    }

    /** A JDBC URL for a database of this server, as user postgres. */
    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=postgres";
    }

    /** The libpq connection string a subscription uses to reach a database of this server. */
    public String conninfo(String database) {
        return "host=127.0.0.1 port=" + port + " dbname=" + database + " user=postgres";
    }

    /** Creates a database that {@link #close()} drops. */
    public String createDatabase(String name) throws SQLException {
        try (Connection c = DriverManager.getConnection(url("postgres")); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        }
        databases.add(0, name);
        return name;
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(url(database));
    }

    @Override
    public void close() {
        if (dataDir != null) {
            try {
                exec(List.of(bin.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-m", "immediate", "stop"), "root".equals(System.getProperty("user.name")));
            } catch (IOException | InterruptedException e) {
                // best effort: the directory goes anyway
            }
            deleteTree(dataDir.getParent());
            return;
        }
        try (Connection c = DriverManager.getConnection(url("postgres")); Statement st = c.createStatement()) {
            for (String db : databases) {
                st.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
            }
        } catch (SQLException e) {
            // the server went away: nothing to drop
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // temporary directory: left to the OS
        }
    }
}
