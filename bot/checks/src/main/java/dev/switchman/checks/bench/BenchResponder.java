package dev.switchman.checks.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.net.SocketAddress;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/**
 * A loopback UDP responder for the fan-out benchmark: answers A, AAAA, MX and TXT for any name
 * under {@code bench.test.} with one synthesised record; anything else is NXDOMAIN. One thread.
 */
final class BenchResponder implements AutoCloseable {

    private final DatagramChannel channel;
    private final Thread thread;
    private volatile boolean closed;
    private final java.util.concurrent.atomic.AtomicLong received = new java.util.concurrent.atomic.AtomicLong();

    BenchResponder() throws IOException {
        channel = DatagramChannel.open();
        channel.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        thread = new Thread(this::loop, "bench-dns-" + port());
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        try {
            return ((InetSocketAddress) channel.getLocalAddress()).getPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    long received() {
        return received.get();
    }

    InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port());
    }

    private void loop() {
        ByteBuffer in = ByteBuffer.allocate(2048);
        Name zone = Name.fromConstantString("bench.test.");
        while (!closed) {
            try {
                in.clear();
                SocketAddress from = channel.receive(in);
                in.flip();
                received.incrementAndGet();
                Message q = new Message(in);
                Record question = q.getQuestion();
                Message reply = new Message(q.getHeader().getID());
                reply.getHeader().setFlag(Flags.QR);
                reply.getHeader().setFlag(Flags.AA);
                reply.getHeader().setFlag(Flags.RA);
                reply.addRecord(question, Section.QUESTION);
                Name n = question.getName();
                if (!n.subdomain(zone)) {
                    reply.getHeader().setRcode(Rcode.NXDOMAIN);
                } else {
                    Record answer = switch (question.getType()) {
                        case Type.A -> new ARecord(n, DClass.IN, 300, InetAddress.getByAddress(new byte[] {(byte) 192, 0, 2, 1}));
                        case Type.AAAA -> new AAAARecord(n, DClass.IN, 300, InetAddress.getByName("2001:db8::1"));
                        case Type.MX -> new MXRecord(n, DClass.IN, 300, 10, Name.fromConstantString("mx.bench.test."));
                        case Type.TXT -> new TXTRecord(n, DClass.IN, 300, "v=spf1 -all");
                        default -> null;
                    };
                    if (answer != null) {
                        reply.addRecord(answer, Section.ANSWER);
                    }
                }
                channel.send(ByteBuffer.wrap(reply.toWire(512)), from);
            } catch (IOException | RuntimeException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
