package dev.switchman.checks.testing;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * A small DNS server for tests, on loopback UDP and TCP (same port): answers from a {@link Zone},
 * following CNAMEs inside it like a recursive resolver would, with the zone's behaviours (delay,
 * SERVFAIL, timeout, truncation over UDP). Start one per test; close it after.
 */
public final class DnsTestServer implements AutoCloseable {

    private final Zone zone;
    private final DatagramSocket udp;
    private final ServerSocket tcp;
    private final ScheduledExecutorService workers;
    private final AtomicInteger udpQueries = new AtomicInteger();
    private final AtomicInteger tcpQueries = new AtomicInteger();
    private volatile boolean closed;

    private DnsTestServer(Zone zone, DatagramSocket udp, ServerSocket tcp) {
        this.zone = zone;
        this.udp = udp;
        this.tcp = tcp;
        this.workers = Executors.newScheduledThreadPool(4, r -> {
            Thread th = new Thread(r, "dns-test-server-" + udp.getLocalPort());
            th.setDaemon(true);
            return th;
        });
        start();
    }

    private static DnsTestServer bind(Zone zone) throws IOException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        IOException last = null;
        for (int attempt = 0; attempt < 20; attempt++) {
            DatagramSocket u = new DatagramSocket(new InetSocketAddress(loopback, 0));
            try {
                ServerSocket t = new ServerSocket();
                t.setReuseAddress(true);
                t.bind(new InetSocketAddress(loopback, u.getLocalPort()));
                return new DnsTestServer(zone, u, t);
            } catch (IOException e) {
                u.close();
                last = e;
            }
        }
        throw last;
    }

    public static DnsTestServer start(Zone zone) {
        try {
            return bind(zone);
        } catch (IOException e) {
            throw new IllegalStateException("could not start the test DNS server: " + e.getMessage(), e);
        }
    }

    public Zone zone() {
        return zone;
    }

    public int port() {
        return udp.getLocalPort();
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port());
    }

    /** {@code 127.0.0.1:port}, as checks take resolvers. */
    public String hostPort() {
        return InetAddress.getLoopbackAddress().getHostAddress() + ":" + port();
    }

    public int udpQueries() {
        return udpQueries.get();
    }

    public int tcpQueries() {
        return tcpQueries.get();
    }

    private void start() {
        Thread u = new Thread(this::udpLoop, "dns-test-udp-" + port());
        u.setDaemon(true);
        u.start();
        Thread t = new Thread(this::tcpLoop, "dns-test-tcp-" + port());
        t.setDaemon(true);
        t.start();
    }

    private void udpLoop() {
        byte[] buf = new byte[4096];
        while (!closed) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                udp.receive(p);
            } catch (IOException e) {
                return;
            }
            udpQueries.incrementAndGet();
            byte[] data = java.util.Arrays.copyOf(p.getData(), p.getLength());
            java.net.SocketAddress from = p.getSocketAddress();
            handle(data, false, reply -> {
                try {
                    udp.send(new DatagramPacket(reply, reply.length, from));
                } catch (IOException ignored) {
                    // the client went away
                }
            });
        }
    }

    private void tcpLoop() {
        while (!closed) {
            Socket s;
            try {
                s = tcp.accept();
            } catch (IOException e) {
                return;
            }
            workers.execute(() -> serveTcp(s));
        }
    }

    private void serveTcp(Socket s) {
        try (s) {
            s.setSoTimeout(10_000);
            DataInputStream in = new DataInputStream(s.getInputStream());
            DataOutputStream out = new DataOutputStream(s.getOutputStream());
            while (!closed) {
                int len;
                try {
                    len = in.readUnsignedShort();
                } catch (IOException eof) {
                    return;
                }
                byte[] data = in.readNBytes(len);
                tcpQueries.incrementAndGet();
                Object lock = new Object();
                handle(data, true, reply -> {
                    synchronized (lock) {
                        try {
                            out.writeShort(reply.length);
                            out.write(reply);
                            out.flush();
                        } catch (IOException ignored) {
                            // client closed
                        }
                    }
                });
            }
        } catch (IOException | RuntimeException ignored) {
            // connection ends
        }
    }

    private void handle(byte[] data, boolean overTcp, java.util.function.Consumer<byte[]> send) {
        Message query;
        try {
            query = new Message(data);
        } catch (IOException e) {
            return;
        }
        Record q = query.getQuestion();
        if (q == null || zone.dropsAll()) {
            return;
        }
        Duration delay = zone.delayFor(q.getName());
        Runnable answer = () -> {
            Message reply = answer(query, overTcp);
            if (reply != null) {
                send.accept(reply.toWire(overTcp ? 65535 : 512));
            }
        };
        if (delay.isZero()) {
            if (overTcp) {
                answer.run();
            } else {
                workers.execute(answer);
            }
        } else {
            workers.schedule(answer, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** The reply, or null to stay silent. */
    Message answer(Message query, boolean overTcp) {
        Record q = query.getQuestion();
        Message reply = new Message(query.getHeader().getID());
        reply.getHeader().setFlag(Flags.QR);
        reply.getHeader().setFlag(Flags.AA);
        reply.getHeader().setFlag(Flags.RA);
        if (query.getHeader().getFlag(Flags.RD)) {
            reply.getHeader().setFlag(Flags.RD);
        }
        reply.addRecord(q, Section.QUESTION);
        int type = q.getType();
        if (zone.servfails(q.getName())) {
            reply.getHeader().setRcode(Rcode.SERVFAIL);
            return reply;
        }
        if (!overTcp && zone.truncates(q.getName())) {
            reply.getHeader().setFlag(Flags.TC);
            return reply;
        }
        Name current = q.getName();
        Set<Name> seen = new HashSet<>();
        while (true) {
            if (zone.timesOut(current, type)) {
                if (zone.timeoutMode() == Zone.TimeoutMode.DROP) {
                    return null;
                }
                reply.getHeader().setRcode(Rcode.SERVFAIL);
                return reply;
            }
            if (!seen.add(current)) {
                reply.getHeader().setRcode(Rcode.SERVFAIL); // CNAME loop
                return reply;
            }
            boolean found = false;
            CNAMERecord cname = null;
            for (Record r : zone.at(current)) {
                if (r.getType() == type || type == Type.ANY) {
                    reply.addRecord(r.withName(q.getName().equals(current) ? q.getName() : current), Section.ANSWER);
                    found = true;
                } else if (r instanceof CNAMERecord c) {
                    cname = c;
                }
            }
            if (found || cname == null) {
                if (!found && !zone.exists(current)) {
                    reply.getHeader().setRcode(Rcode.NXDOMAIN);
                }
                return reply;
            }
            reply.addRecord(cname.withName(q.getName().equals(current) ? q.getName() : current), Section.ANSWER);
            current = cname.getTarget();
        }
    }

    @Override
    public void close() {
        closed = true;
        udp.close();
        try {
            tcp.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        workers.shutdownNow();
    }

    static boolean isClosedSocket(Exception e) {
        return e instanceof SocketException;
    }
}
