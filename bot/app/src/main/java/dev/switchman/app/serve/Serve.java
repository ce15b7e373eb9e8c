package dev.switchman.app.serve;

import dev.switchman.app.bot.BotConfiguration;
import dev.switchman.app.config.RunbookSources;
import dev.switchman.app.config.Settings;
import dev.switchman.core.bot.Bot;
import dev.switchman.core.chat.ChatBackend;
import dev.switchman.core.chat.ChatBackendFactory;
import dev.switchman.core.check.CheckProviders;
import dev.switchman.core.event.EventStore;
import dev.switchman.core.http.HttpEndpoint;
import dev.switchman.core.http.HttpResponse;
import dev.switchman.core.http.HttpRequest;
import dev.switchman.core.secret.Secrets;
import dev.switchman.core.yaml.Problem;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/**
 * {@code switchman serve} running: every configured chat backend ({@link ChatBackendFactory}, found with
 * {@link ServiceLoader}) behind one bot, and one {@link EmbeddedHttpServer} serving every backend's
 * {@link ChatBackend#endpoints()}, every check kind's {@code CheckProvider#endpoints()} (heartbeat's
 * {@code /ping/<check-id>}) plus {@code /health}. Configuration from the environment:
 * {@value #PORT} (default {@value #DEFAULT_PORT}; 0 takes any free port) and {@value #BIND} (default
 * {@value #DEFAULT_BIND}: only this machine; set {@code 0.0.0.0} behind a TLS-terminating proxy), plus
 * each backend's own variables and the store's ({@link Settings}).
 */
public final class Serve implements AutoCloseable {

    public static final String PORT = "SWITCHMAN_HTTP_PORT";
    public static final String BIND = "SWITCHMAN_HTTP_BIND";
    public static final int DEFAULT_PORT = 8080;
    public static final String DEFAULT_BIND = "127.0.0.1";
    /** Worker threads of the HTTP server: endpoints only acknowledge, so a few are plenty. */
    static final int HTTP_THREADS = 16;

    private final Bot bot;
    private final ChatBackend backend;
    private final EventStore store;
    private final EmbeddedHttpServer server;
    private final List<String> backendNames;
    private final CountDownLatch closed = new CountDownLatch(1);

    private Serve(Bot bot, ChatBackend backend, EventStore store, EmbeddedHttpServer server, List<String> backendNames) {
        this.bot = bot;
        this.backend = backend;
        this.store = store;
        this.server = server;
        this.backendNames = backendNames;
    }

    /** The backends {@code serve} can run in this build (every factory on the class path). */
    public static List<ChatBackendFactory> factories() {
        List<ChatBackendFactory> out = new ArrayList<>();
        ServiceLoader.load(ChatBackendFactory.class).forEach(out::add);
        return out;
    }

    /**
     * Starts everything, or nothing: on any failure what was started is closed again.
     *
     * @param env         the environment (backend variables, {@value #PORT}, {@value #BIND}, the store's)
     * @param runbookDirs extra runbook folders ({@code --runbooks})
     * @param factories   the backends that may be configured ({@link #factories()} in the app)
     * @param problems    where broken runbooks are reported (they are left out; serve still starts)
     * @throws ServeException with one sentence when the configuration is missing or invalid or the port is taken
     */
    public static Serve start(Map<String, String> env, List<String> runbookDirs, List<ChatBackendFactory> factories, Clock clock,
                              PrintStream problems) {
        InetSocketAddress address = address(env);
        List<ChatBackendFactory> chosen = factories.stream().filter(f -> f.configured(env)).toList();
        if (chosen.isEmpty()) {
            throw new ServeException(nothingConfigured(factories));
        }
        List<ChatBackend> backends = new ArrayList<>();
        try {
            for (ChatBackendFactory f : chosen) {
                try {
                    backends.add(f.create(env, clock));
                } catch (IllegalArgumentException e) {
                    throw new ServeException(f.name() + ": " + Secrets.message(e), e);
                }
            }
        } catch (RuntimeException e) {
            backends.forEach(Serve::closeQuietly);
            throw e;
        }
        ChatBackend backend = backends.size() == 1 ? backends.get(0) : new CompositeBackend(backends);
        List<String> names = backends.stream().map(ChatBackend::name).toList();
        Settings settings = Settings.from(env, Path.of("").toAbsolutePath(), runbookDirs);
        EventStore store = null;
        Bot bot = null;
        try {
            java.nio.file.Files.createDirectories(settings.home());
            CheckProviders providers = CheckProviders.load();
            RunbookSources.Runbooks catalog = RunbookSources.load(settings, providers);
            for (Problem p : catalog.problems()) {
                if (p.isError()) {
                    problems.println(p);
                }
            }
            store = dev.switchman.app.bot.CrashPointEventStore.armedFromEnvironment(settings.openStore(), env);
            try {
                bot = BotConfiguration.newBot(backend, catalog, store, providers, clock, settings);
            } catch (IllegalStateException e) {
                // a backend that cannot start (a token the platform refuses) is one sentence, not a trace
                throw new ServeException(Secrets.message(e), e);
            }
            List<HttpEndpoint> endpoints = new ArrayList<>(backend.endpoints());
            providers.all().forEach(p -> endpoints.addAll(p.endpoints())); // pushed checks: heartbeat's /ping/<id>
            endpoints.add(health(names));
            EmbeddedHttpServer server;
            try {
                server = EmbeddedHttpServer.start(address, endpoints, HTTP_THREADS);
            } catch (IOException e) {
                throw new ServeException("cannot listen on " + display(address) + ": " + e.getMessage() + " (set " + PORT + " or " + BIND + ")", e);
            }
            BotConfiguration.warmUpRules(); // the first `start` should not wait seconds for the rule packs
            return new Serve(bot, backend, store, server, names);
        } catch (IOException e) {
            closeAll(bot, backend, store);
            throw new ServeException("cannot create SWITCHMAN_HOME " + settings.home() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeAll(bot, backend, store);
            throw e;
        }
    }

    /** The sentence for "no backend configured": which variables to set. */
    static String nothingConfigured(List<ChatBackendFactory> factories) {
        if (factories.isEmpty()) {
            return "this build has no chat backend";
        }
        return "no chat backend is configured; set " + factories.stream()
                .map(f -> f.name() + " (" + String.join(", ", f.variables()) + ")")
                .collect(Collectors.joining(" or ")) + "; docs/slack.md and docs/discord.md say how";
    }

    /** The listening address from {@value #PORT} and {@value #BIND}. */
    static InetSocketAddress address(Map<String, String> env) {
        String p = env.getOrDefault(PORT, "").trim();
        int port = DEFAULT_PORT;
        if (!p.isEmpty()) {
            try {
                port = Integer.parseInt(p);
            } catch (NumberFormatException e) {
                port = -1;
            }
            if (port < 0 || port > 65535) {
                throw new ServeException(PORT + " must be a port number from 0 to 65535, got '" + p + "'");
            }
        }
        String bind = env.getOrDefault(BIND, "").trim();
        if (bind.isEmpty()) {
            bind = DEFAULT_BIND;
        }
        try {
            return new InetSocketAddress(InetAddress.getByName(bind), port);
        } catch (UnknownHostException e) {
            throw new ServeException(BIND + " must be an address of this machine (127.0.0.1, ::1, 0.0.0.0), got '" + bind + "'");
        }
    }

    private static String display(InetSocketAddress a) {
        String host = a.getAddress().getHostAddress();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort();
    }

    private static HttpEndpoint health(List<String> names) {
        String body = "{\"status\":\"ok\",\"backends\":[" + names.stream().map(n -> "\"" + n + "\"").collect(Collectors.joining(","))
                + "]}";
        return new HttpEndpoint() {
            @Override
            public String path() {
                return "/health";
            }

            @Override
            public HttpResponse handle(HttpRequest request) {
                if (!request.is("GET") && !request.is("HEAD")) {
                    return new HttpResponse(405, "text/plain; charset=utf-8", Map.of("Allow", "GET, HEAD"), new byte[0]);
                }
                return HttpResponse.json(body);
            }
        };
    }

    public Bot bot() {
        return bot;
    }

    public int port() {
        return server.port();
    }

    /** {@code http://127.0.0.1:8080}: where the server listens. */
    public String url() {
        return "http://" + display(server.address());
    }

    public List<String> backends() {
        return backendNames;
    }

    public List<String> paths() {
        return server.paths();
    }

    /** Blocks until {@link #close()} (the shutdown hook on SIGTERM or Ctrl-C). */
    public void awaitClosed() throws InterruptedException {
        closed.await();
    }

    /** Stops the HTTP server first (nothing new comes in), then the bot, the backends and the store. */
    @Override
    public void close() {
        if (closed.getCount() == 0) {
            return;
        }
        try {
            server.close();
            closeAll(bot, backend, store);
        } finally {
            closed.countDown();
        }
    }

    private static void closeAll(Bot bot, ChatBackend backend, EventStore store) {
        closeQuietly(bot);
        closeQuietly(backend);
        closeQuietly(store);
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception e) {
            org.slf4j.LoggerFactory.getLogger(Serve.class).warn("closing {} failed: {}", c.getClass().getSimpleName(), Secrets.message(e));
        }
    }
}
