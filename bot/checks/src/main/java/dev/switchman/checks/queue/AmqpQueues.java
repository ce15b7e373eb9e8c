package dev.switchman.checks.queue;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.ShutdownSignalException;
import dev.switchman.checks.connection.ConnectionException;
import dev.switchman.checks.connection.Jdbc;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * RabbitMQ queues read by AMQP 0-9-1 passive declare ({@code queue.declare} with passive set): the
 * broker answers the ready message count and the consumer count without creating anything. A queue
 * that does not exist closes the channel with 404, reported as an error naming the queue.
 */
final class AmqpQueues {

    private AmqpQueues() {
    }

    static List<QueueSample> read(String url, List<String> queues, Duration timeout) throws IOException {
        ConnectionFactory factory = new ConnectionFactory();
        try {
            factory.setUri(url);
        } catch (Exception e) {
            throw new ConnectionException("not an AMQP URL: " + Jdbc.where(url) + " (expected amqp://user:password@host:5672/vhost)");
        }
        int ms = (int) Math.max(500, timeout.toMillis());
        factory.setConnectionTimeout(ms);
        factory.setHandshakeTimeout(ms);
        factory.setChannelRpcTimeout(ms);
        factory.setAutomaticRecoveryEnabled(false);
        factory.setTopologyRecoveryEnabled(false);
        String where = factory.getHost() + ":" + factory.getPort();
        try (Connection connection = factory.newConnection("switchman-check")) {
            List<QueueSample> out = new ArrayList<>();
            for (String q : queues) {
                Channel channel = connection.createChannel();
                try {
                    AMQP.Queue.DeclareOk ok = channel.queueDeclarePassive(q);
                    out.add(new QueueSample(q, ok.getMessageCount(), ok.getConsumerCount()));
                } catch (IOException e) {
                    if (e.getCause() instanceof ShutdownSignalException s && String.valueOf(s.getMessage()).contains("404")) {
                        throw new IllegalStateException("queue '" + q + "' does not exist on " + where);
                    }
                    throw e;
                } finally {
                    if (channel.isOpen()) {
                        try {
                            channel.close();
                        } catch (TimeoutException | IOException ignored) {
                            // closing
                        }
                    }
                }
            }
            return out;
        } catch (TimeoutException e) {
            throw new ConnectionException("timed out talking to RabbitMQ at " + where, e);
        } catch (java.net.ConnectException | java.net.SocketTimeoutException e) {
            throw new ConnectionException((e instanceof java.net.SocketTimeoutException ? "timed out connecting to" : "cannot connect to") + " RabbitMQ at " + where + ": " + e.getMessage(), e);
        } catch (com.rabbitmq.client.AuthenticationFailureException e) {
            throw new ConnectionException("RabbitMQ at " + where + " refused the credentials", e);
        }
    }
}
