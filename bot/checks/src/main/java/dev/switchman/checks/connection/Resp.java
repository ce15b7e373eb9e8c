package dev.switchman.checks.connection;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A minimal Redis client (RESP2 over one TCP connection) for checks: {@code redis://[user:pass@]host:port[/db]}.
 * Enough for {@code INFO}, {@code LLEN} and the few commands tests need; not thread-safe.
 */
public final class Resp implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private Resp(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /** Connects (and authenticates, selects the database) within {@code timeout}; failures name host:port only. */
    public static Resp connect(String url, Duration timeout) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new ConnectionException("not a redis URL: " + Jdbc.where(url) + " (expected redis://host:port)");
        }
        if (!"redis".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw new ConnectionException("not a redis URL: " + Jdbc.where(url) + " (expected redis://host:port)");
        }
        int port = uri.getPort() < 0 ? 6379 : uri.getPort();
        String where = uri.getHost() + ":" + port;
        int ms = (int) Math.max(200, timeout.toMillis());
        Socket s = new Socket();
        try {
            s.connect(new InetSocketAddress(uri.getHost(), port), ms);
            s.setSoTimeout(ms);
            Resp r = new Resp(s);
            String info = uri.getRawUserInfo();
            if (info != null && !info.isEmpty()) {
                int colon = info.indexOf(':');
                String user = colon < 0 ? "" : URLDecoder.decode(info.substring(0, colon), StandardCharsets.UTF_8);
                String pass = URLDecoder.decode(colon < 0 ? info : info.substring(colon + 1), StandardCharsets.UTF_8);
                Object ok = user.isEmpty() ? r.command("AUTH", pass) : r.command("AUTH", user, pass);
                if (ok instanceof RespError) {
                    r.close();
                    throw new ConnectionException("redis at " + where + " refused the credentials");
                }
            }
            String path = uri.getPath();
            if (path != null && path.length() > 1) {
                r.command("SELECT", path.substring(1));
            }
            return r;
        } catch (java.net.SocketTimeoutException e) {
            close(s);
            throw new ConnectionException("timed out talking to redis at " + where, e);
        } catch (IOException e) {
            close(s);
            throw new ConnectionException("cannot connect to redis at " + where + ": " + e.getMessage(), e);
        }
    }

    /** Sends one command; returns a String, Long, List, null or a {@link RespError}. */
    public Object command(String... args) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        buf.write(("*" + args.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
        for (String a : args) {
            byte[] b = a.getBytes(StandardCharsets.UTF_8);
            buf.write(("$" + b.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
            buf.write(b);
            buf.write('\r');
            buf.write('\n');
        }
        out.write(buf.toByteArray());
        out.flush();
        return read();
    }

    /** {@code INFO section} parsed into key/value pairs. */
    public Map<String, String> info(String section) throws IOException {
        Object r = command("INFO", section);
        if (!(r instanceof String text)) {
            throw new IOException("INFO " + section + " answered " + r);
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (String line : text.split("\r?\n")) {
            int c = line.indexOf(':');
            if (c > 0 && !line.startsWith("#")) {
                map.put(line.substring(0, c), line.substring(c + 1).trim());
            }
        }
        return map;
    }

    private Object read() throws IOException {
        int type = in.read();
        if (type < 0) {
            throw new IOException("connection closed");
        }
        String line = readLine();
        switch (type) {
            case '+':
                return line;
            case '-':
                return new RespError(line);
            case ':':
                return Long.parseLong(line);
            case '$': {
                int n = Integer.parseInt(line);
                if (n < 0) {
                    return null;
                }
                byte[] b = in.readNBytes(n + 2);
                return new String(b, 0, n, StandardCharsets.UTF_8);
            }
            case '*': {
                int n = Integer.parseInt(line);
                if (n < 0) {
                    return null;
                }
                List<Object> items = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    items.add(read());
                }
                return items;
            }
            default:
                throw new IOException("unexpected RESP type " + (char) type);
        }
    }

    private String readLine() throws IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\r') {
                in.read();
                break;
            }
            sb.append((char) c);
        }
        return sb.toString();
    }

    @Override
    public void close() {
        close(socket);
    }

    private static void close(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing
        }
    }

    /** An error reply ({@code -ERR ...}). */
    public record RespError(String message) {
    }
}
