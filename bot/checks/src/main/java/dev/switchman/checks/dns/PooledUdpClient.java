package dev.switchman.checks.dns;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.xbill.DNS.Message;
import org.xbill.DNS.io.DefaultIoClientFactory;
import org.xbill.DNS.io.IoClientFactory;
import org.xbill.DNS.io.TcpIoClient;
import org.xbill.DNS.io.UdpIoClient;

/**
 * dnsjava's UDP transport opens, binds and closes a socket for every query. For fan-out this client
 * keeps a small pool of UDP sockets (random ephemeral ports) and matches answers to queries by
 * (socket, server, message id) with one selector thread. dnsjava still builds the query, checks the
 * answer's id and question, and falls back to TCP; TCP uses dnsjava's own client.
 *
 * <p>Trade-off: source ports are reused across queries (entropy = id + pooled port), acceptable for a
 * monitoring client that caches nothing; a collision of id on every pooled socket uses a fresh socket.
 */
final class PooledUdpClient implements UdpIoClient {

    static final IoClientFactory FACTORY = new IoClientFactory() {
        private final IoClientFactory defaults = new DefaultIoClientFactory();
        private final PooledUdpClient udp = new PooledUdpClient(4);

        @Override
        public TcpIoClient createOrGetTcpClient() {
            return defaults.createOrGetTcpClient();
        }

        @Override
        public UdpIoClient createOrGetUdpClient() {
            return udp;
        }
    };

    private record Key(int socket, SocketAddress server, int id) {
    }

    private record Pending(CompletableFuture<byte[]> future, ScheduledFuture<?> timer) {
    }

    private final DatagramChannel[] sockets;
    private final Selector selector;
    private final Map<Key, Pending> pending = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timers;
    private final AtomicInteger next = new AtomicInteger();
    private final UdpIoClient fallback = new DefaultIoClientFactory().createOrGetUdpClient();

    PooledUdpClient(int size) {
        try {
            selector = Selector.open();
            sockets = new DatagramChannel[size];
            for (int i = 0; i < size; i++) {
                DatagramChannel c = DatagramChannel.open();
                c.configureBlocking(false);
                c.setOption(java.net.StandardSocketOptions.SO_RCVBUF, 1 << 20);
                c.bind(null);
                c.register(selector, SelectionKey.OP_READ, i);
                sockets[i] = c;
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not open UDP sockets for DNS: " + e.getMessage(), e);
        }
        ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, r -> daemon(r, "switchman-dns-timeouts"));
        t.setRemoveOnCancelPolicy(true);
        timers = t;
        daemon(this::receiveLoop, "switchman-dns-udp").start();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    @Override
    public CompletableFuture<byte[]> sendAndReceiveUdp(InetSocketAddress local, InetSocketAddress remote, Message query,
                                                       byte[] data, int max, Duration timeout) {
        if (local != null || data.length < 2) {
            return fallback.sendAndReceiveUdp(local, remote, query, data, max, timeout);
        }
        int id = ((data[0] & 0xff) << 8) | (data[1] & 0xff);
        CompletableFuture<byte[]> f = new CompletableFuture<>();
        int start = Math.floorMod(next.getAndIncrement(), sockets.length);
        for (int i = 0; i < sockets.length; i++) {
            int s = (start + i) % sockets.length;
            Key key = new Key(s, remote, id);
            ScheduledFuture<?> timer = timers.schedule(() -> expire(key), timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (pending.putIfAbsent(key, new Pending(f, timer)) != null) {
                timer.cancel(false);
                continue; // this id is in flight to this server on this socket: try another socket
            }
            try {
                if (sockets[s].send(ByteBuffer.wrap(data), remote) == 0) {
                    throw new IOException("UDP send buffer full");
                }
            } catch (IOException | RuntimeException e) {
                pending.remove(key);
                timer.cancel(false);
                f.completeExceptionally(e);
            }
            return f;
        }
        return fallback.sendAndReceiveUdp(local, remote, query, data, max, timeout);
    }

    private void expire(Key key) {
        Pending p = pending.remove(key);
        if (p != null) {
            p.future().completeExceptionally(new SocketTimeoutException("Query timed out"));
        }
    }

    private void receiveLoop() {
        ByteBuffer buf = ByteBuffer.allocate(65535);
        while (true) {
            try {
                selector.select();
                for (var it = selector.selectedKeys().iterator(); it.hasNext(); ) {
                    SelectionKey k = it.next();
                    it.remove();
                    int s = (Integer) k.attachment();
                    DatagramChannel c = (DatagramChannel) k.channel();
                    while (true) {
                        buf.clear();
                        SocketAddress from = c.receive(buf);
                        if (from == null) {
                            break;
                        }
                        buf.flip();
                        if (buf.remaining() < 2) {
                            continue;
                        }
                        int id = ((buf.get(0) & 0xff) << 8) | (buf.get(1) & 0xff);
                        Pending p = pending.remove(new Key(s, from, id));
                        if (p != null) {
                            p.timer().cancel(false);
                            p.future().complete(Arrays.copyOf(buf.array(), buf.limit()));
                        }
                    }
                }
            } catch (IOException | RuntimeException e) {
                // keep serving the other queries; a broken socket shows up as timeouts
            }
        }
    }

}
