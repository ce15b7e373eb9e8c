package dev.switchman.store.jdbc;

import dev.switchman.core.event.EventStore;
import dev.switchman.core.event.EventStoreProvider;
import dev.switchman.core.event.EventStores;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens {@link JdbcEventStore}s for {@code jdbc:h2:...} and {@code jdbc:postgresql:...} URLs; registered
 * for {@link java.util.ServiceLoader} so {@link EventStores#open(String)} finds it. The password leaves
 * the URL before anything (Flyway, the driver's {@code getURL()}) can log it.
 */
public final class JdbcEventStoreProvider implements EventStoreProvider {

    private static final Logger log = LoggerFactory.getLogger(JdbcEventStoreProvider.class);
    private static final Pattern PASSWORD_ONLY = Pattern.compile("(?i)([?&;])password=([^&;]*)");

    @Override
    public boolean accepts(String url) {
        return url.startsWith("jdbc:h2:") || url.startsWith("jdbc:postgresql:");
    }

    @Override
    public String urlShapes() {
        return "jdbc:h2:..., jdbc:postgresql://host:port/db";
    }

    @Override
    public EventStore open(String jdbcUrl, String user, String password) {
        String url = jdbcUrl;
        Matcher m = PASSWORD_ONLY.matcher(url);
        String pw = password;
        if (m.find()) {
            pw = pw != null ? pw : url.startsWith("jdbc:h2:") ? m.group(2) : URLDecoder.decode(m.group(2), StandardCharsets.UTF_8);
            url = m.replaceAll("$1").replace("?&", "?").replace("&&", "&").replace(";;", ";");
            if (url.endsWith("?") || url.endsWith("&") || url.endsWith(";")) url = url.substring(0, url.length() - 1);
        }
        dev.switchman.core.secret.Secrets.register(pw); // masked wherever it would show
        boolean h2 = url.startsWith("jdbc:h2:");
        log.info("event store: {} {}", h2 ? "H2" : "PostgreSQL", EventStores.redact(url));
        try {
            return h2 ? new JdbcEventStore(url, user == null ? "sa" : user, pw == null ? "" : pw) : new JdbcEventStore(url, user, pw);
        } catch (RuntimeException e) {
            throw StoreFailures.explain(EventStores.redact(url), e);
        }
    }
}
