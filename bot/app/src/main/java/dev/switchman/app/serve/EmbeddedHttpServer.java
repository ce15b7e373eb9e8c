package dev.switchman.app.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.switchman.core.http.HttpEndpoint;
import dev.switchman.core.http.HttpRequest;
import dev.switchman.core.http.HttpResponse;
import dev.switchman.core.secret.Secrets;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one HTTP server of {@code switchman serve}: the JDK's {@code com.sun.net.httpserver} (no servlet
 * container, nothing to configure), routing each request to the {@link HttpEndpoint} whose path matches
 * (exactly, or as a prefix for a path ending in {@code /*}). Bodies over {@value #MAX_BODY} bytes are
 * answered 413 before any endpoint sees them, unknown paths 404; an endpoint that throws gives an empty
 * 500 (logged without the request body). Requests are handled on a fixed pool of worker threads.
 */
public final class EmbeddedHttpServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedHttpServer.class);

    /** The largest request body accepted, in bytes (1 MiB; Slack and Discord send a few KiB). */
    public static final int MAX_BODY = 1 << 20;

    private final HttpServer server;
    private final ExecutorService workers;
    private final List<HttpEndpoint> endpoints;

    private EmbeddedHttpServer(HttpServer server, ExecutorService workers, List<HttpEndpoint> endpoints) {
        this.server = server;
        this.workers = workers;
        this.endpoints = endpoints;
    }

    /**
     * Listens on {@code address} (port 0: any free port) and serves {@code endpoints} with {@code threads}
     * workers.
     *
     * @throws IllegalArgumentException when two endpoints claim the same path
     * @throws IOException when the address cannot be bound (in use, not local)
     */
    public static EmbeddedHttpServer start(InetSocketAddress address, List<HttpEndpoint> endpoints, int threads) throws IOException {
        Set<String> paths = new HashSet<>();
        for (HttpEndpoint e : endpoints) {
            if (!paths.add(e.path())) {
                throw new IllegalArgumentException("two HTTP endpoints claim the path " + e.path());
            }
        }
        HttpServer server = HttpServer.create(address, 512);
        AtomicInteger n = new AtomicInteger();
        ExecutorService workers = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "switchman-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        EmbeddedHttpServer s = new EmbeddedHttpServer(server, workers, List.copyOf(endpoints));
        server.createContext("/", s::exchange);
        server.setExecutor(workers);
        server.start();
        return s;
    }

    /** The address listened on (with the actual port when 0 was asked). */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The paths served, in registration order. */
    public List<String> paths() {
        List<String> out = new ArrayList<>();
        endpoints.forEach(e -> out.add(e.path()));
        return out;
    }

    /** The endpoint for {@code path}: an exact match first, then the longest matching {@code /*} prefix. */
    HttpEndpoint route(String path) {
        HttpEndpoint prefix = null;
        int best = -1;
        for (HttpEndpoint e : endpoints) {
            String p = e.path();
            if (p.equals(path)) {
                return e;
            }
            if (p.endsWith("/*")) {
                String stem = p.substring(0, p.length() - 1);
                if (path.startsWith(stem) && stem.length() > best) {
                    prefix = e;
                    best = stem.length();
                }
            }
        }
        return prefix;
    }

    private void exchange(HttpExchange x) throws IOException {
        try (x) {
            String path = x.getRequestURI().getRawPath();
            HttpEndpoint endpoint = route(path);
            if (endpoint == null) {
                write(x, HttpResponse.text(404, "no such path\n"));
                return;
            }
            byte[] body = readBody(x.getRequestBody());
            if (body == null) {
                write(x, HttpResponse.text(413, "request body over " + MAX_BODY + " bytes\n"));
                return;
            }
            HttpRequest request = new HttpRequest(x.getRequestMethod(), path, x.getRequestURI().getRawQuery(), x.getRequestHeaders(), body);
            HttpResponse response;
            try {
                response = endpoint.handle(request);
            } catch (RuntimeException e) {
                log.warn("{} {} failed: {}", x.getRequestMethod(), path, Secrets.redact(e.toString()));
                response = HttpResponse.empty(500);
            }
            write(x, response);
        }
    }

    /** The body, or null when it is longer than {@link #MAX_BODY}. */
    private static byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            return null;
        }
        return body;
    }

    private static void write(HttpExchange x, HttpResponse r) throws IOException {
        x.getResponseHeaders().set("Content-Type", r.contentType());
        for (Map.Entry<String, String> h : r.headers().entrySet()) {
            x.getResponseHeaders().set(h.getKey(), h.getValue());
        }
        boolean noBody = r.body().length == 0 || x.getRequestMethod().equalsIgnoreCase("HEAD");
        x.sendResponseHeaders(r.status(), noBody ? -1 : r.body().length);
        if (!noBody) {
            try (OutputStream out = x.getResponseBody()) {
                out.write(r.body());
            }
        }
    }

    /** Stops listening at once (requests in progress are cut) and stops the workers. */
    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
