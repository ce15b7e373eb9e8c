package dev.switchman.core.event;

/**
 * Opens event stores for the URLs it knows; found by {@link EventStores} through
 * {@link java.util.ServiceLoader} ({@code META-INF/services/dev.switchman.core.event.EventStoreProvider}).
 * The stock one is {@code switchman-store-jdbc} (H2 and PostgreSQL); core itself only knows
 * {@code memory}.
 */
public interface EventStoreProvider {

    /** True if {@link #open} accepts this URL (for example it starts with {@code jdbc:h2:}). */
    boolean accepts(String url);

    /**
     * Opens (and migrates) the store. {@code user}/{@code password} may be null: then the URL's are used.
     *
     * @throws EventStoreException when the store cannot be opened; the message never contains a password
     */
    EventStore open(String url, String user, String password);

    /** The URL shapes it accepts, for error messages: {@code jdbc:h2:..., jdbc:postgresql://host:port/db}. */
    String urlShapes();
}
