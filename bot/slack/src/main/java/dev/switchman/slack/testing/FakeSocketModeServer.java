package dev.switchman.slack.testing;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Slack's Socket Mode end on loopback, for tests: one WebSocket connection (RFC 6455: the opening
 * handshake, unmasked server frames, masked client frames, ping/pong, close), {@code hello} sent on
 * connect, envelopes sent with {@link #send}, the client's acknowledgements read with {@link #nextFromClient}
 * (docs.slack.dev/apis/events-api/using-socket-mode). {@link FakeSlackWebApi#socketMode} hands its URL out
 * from {@code apps.connections.open}.
 */
public final class FakeSocketModeServer implements AutoCloseable {

    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private final ServerSocket server;
    private final BlockingQueue<String> fromClient = new LinkedBlockingQueue<>();
    private volatile Socket socket;
    private volatile OutputStream out;
    private final java.util.concurrent.CountDownLatch connected = new java.util.concurrent.CountDownLatch(1);

    private FakeSocketModeServer(ServerSocket server) {
        this.server = server;
    }

    public static FakeSocketModeServer start() throws IOException {
        FakeSocketModeServer s = new FakeSocketModeServer(new ServerSocket(0, 8, InetAddress.getLoopbackAddress()));
        Thread t = new Thread(s::serve, "fake-socket-mode");
        t.setDaemon(true);
        t.start();
        return s;
    }

    /** {@code ws://127.0.0.1:<port>/link}: what {@code apps.connections.open} answers. */
    public String url() {
        return "ws://127.0.0.1:" + server.getLocalPort() + "/link";
    }

    /** Waits for the client to connect; false after {@code seconds}. */
    public boolean awaitConnected(long seconds) throws InterruptedException {
        return connected.await(seconds, TimeUnit.SECONDS);
    }

    /** Sends one text frame (an envelope). */
    public synchronized void send(String text) throws IOException {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        OutputStream o = out;
        o.write(0x81);
        if (payload.length < 126) {
            o.write(payload.length);
        } else if (payload.length < 65536) {
            o.write(126);
            o.write(payload.length >>> 8);
            o.write(payload.length & 0xff);
        } else {
            o.write(127);
            for (int i = 7; i >= 0; i--) {
                o.write((int) ((long) payload.length >>> (8 * i)) & 0xff);
            }
        }
        o.write(payload);
        o.flush();
    }

    /** The next text message from the client, or null after {@code seconds}. */
    public String nextFromClient(long seconds) throws InterruptedException {
        return fromClient.poll(seconds, TimeUnit.SECONDS);
    }

    private void serve() {
        try (Socket s = server.accept()) {
            socket = s;
            InputStream in = new BufferedInputStream(s.getInputStream());
            String key = null;
            for (String line = readLine(in); line != null && !line.isEmpty(); line = readLine(in)) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("Sec-WebSocket-Key")) {
                    key = line.substring(colon + 1).trim();
                }
            }
            out = s.getOutputStream();
            String accept = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
                    .digest((key + GUID).getBytes(StandardCharsets.US_ASCII)));
            out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: "
                    + accept + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            send("{\"type\":\"hello\",\"num_connections\":1,\"debug_info\":{\"host\":\"fake\"},\"connection_info\":{\"app_id\":\"A0APP\"}}");
            connected.countDown();
            DataInputStream d = new DataInputStream(in);
            while (true) {
                int b0 = d.readUnsignedByte();
                int b1 = d.readUnsignedByte();
                long len = b1 & 0x7f;
                if (len == 126) len = d.readUnsignedShort();
                else if (len == 127) len = d.readLong();
                byte[] mask = new byte[4];
                if ((b1 & 0x80) != 0) d.readFully(mask);
                byte[] payload = new byte[(int) len];
                d.readFully(payload);
                for (int i = 0; i < payload.length; i++) payload[i] ^= mask[i % 4];
                int opcode = b0 & 0x0f;
                if (opcode == 1) {
                    fromClient.add(new String(payload, StandardCharsets.UTF_8));
                } else if (opcode == 9) {
                    synchronized (this) {
                        out.write(0x8A);
                        out.write(payload.length);
                        out.write(payload);
                        out.flush();
                    }
                } else if (opcode == 8) {
                    synchronized (this) {
                        out.write(0x88);
                        out.write(0);
                        out.flush();
                    }
                    return;
                }
            }
        } catch (IOException | NoSuchAlgorithmException e) {
            // the client went away or the test ended
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int c = in.read(); c >= 0; c = in.read()) {
            if (c == '\n') {
                return b.toString().stripTrailing();
            }
            b.append((char) c);
        }
        return b.length() == 0 ? null : b.toString();
    }

    @Override
    public void close() {
        try {
            server.close();
            if (socket != null) socket.close();
        } catch (IOException ignored) {
            // closing
        }
    }
}
