package dev.switchman.checks.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import dev.switchman.checks.connection.Resp;
import dev.switchman.checks.testing.Requests;
import dev.switchman.checks.testing.Services;
import dev.switchman.core.check.CheckResult;
import dev.switchman.core.check.CheckStatus;
import dev.switchman.core.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * queue.health against the local RabbitMQ (guest/guest on 5672) and Redis (6379), on queues and
 * keys of its own; growth between two samples on a manual clock.
 */
class QueueHealthCheckIT {

    static final String AMQP = "amqp://guest:guest@127.0.0.1:5672/%2F";
    static final String REDIS = "redis://127.0.0.1:6379";

    final ManualClock clock = new ManualClock(Instant.parse("2026-11-30T12:00:00Z"));
    final QueueHealthCheck provider = new QueueHealthCheck();
    Connection rabbit;
    Channel channel;
    String queue;

    @BeforeEach
    void queue() throws Exception {
        ConnectionFactory f = new ConnectionFactory();
        f.setUri(AMQP);
        f.setConnectionTimeout(3000);
        try {
            rabbit = f.newConnection("switchman-test");
        } catch (Exception e) {
            throw Services.missing("RabbitMQ at 127.0.0.1:5672", e);
        }
        channel = rabbit.createChannel();
        queue = Services.unique("sw_q");
        channel.queueDeclare(queue, false, false, false, null);
        channel.confirmSelect();
    }

    @AfterEach
    void drop() throws Exception {
        if (rabbit != null) {
            try (Channel c = rabbit.createChannel()) {
                c.queueDelete(queue);
            }
            rabbit.close();
        }
    }

    void publish(int n) throws Exception {
        for (int i = 0; i < n; i++) {
            channel.basicPublish("", queue, null, ("job " + i).getBytes());
        }
        channel.waitForConfirmsOrDie(5000);
    }

    CheckResult check(String broker, String queues) {
        Map<String, String> params = Map.of("broker", broker, "queues", queues);
        assertEquals(List.of(), provider.validate(params));
        return provider.run(Requests.request(QueueHealthCheck.KIND, params, clock, Duration.ofSeconds(5)));
    }

    @Test
    void growingWithoutConsumersFailsOnTheSecondSample() throws Exception {
        publish(5);
        CheckResult first = check(AMQP, queue);
        assertEquals(CheckStatus.WARN, first.status(), first.message());
        assertEquals(5L, first.observations().get("depth"));
        assertEquals(0, first.observations().get("consumers"));
        assertFalse(first.observations().containsKey("growth-per-min"), "one sample: growth unknown " + first.observations());

        publish(6);
        clock.advance(Duration.ofMinutes(2));
        CheckResult second = check(AMQP, queue);
        assertEquals(CheckStatus.FAIL, second.status(), second.message());
        assertEquals(11L, second.observations().get("depth"));
        assertEquals(3.0, second.observations().get("growth-per-min"));
        assertTrue(second.message().contains(queue + " grows 3.0/min with 0 consumer(s)"), second.message());
    }

    @Test
    void aConsumerMakesItHealthy() throws Exception {
        publish(3);
        check(AMQP, queue);
        Channel worker = rabbit.createChannel();
        worker.basicQos(1);
        worker.basicConsume(queue, false, new DefaultConsumer(worker)); // takes one, never acks
        clock.advance(Duration.ofMinutes(1));
        CheckResult r = check(AMQP, queue);
        assertEquals(CheckStatus.PASS, r.status(), r.message());
        assertEquals(1, r.observations().get("consumers"));
        worker.close();
    }

    @Test
    void missingQueueIsErrorNamingIt() {
        CheckResult r = check(AMQP, queue + ",no_such_queue_" + queue);
        assertEquals(CheckStatus.ERROR, r.status(), r.message());
        assertTrue(r.message().contains("'no_such_queue_" + queue + "' does not exist"), r.message());
    }

    @Test
    void refusedCredentialsAreErrorWithoutThePassword() {
        CheckResult r = check("amqp://guest:wrong-s3cret@127.0.0.1:5672/%2F", queue);
        assertEquals(CheckStatus.ERROR, r.status(), r.message());
        assertFalse((r.message() + r.target()).contains("wrong-s3cret"), r.message());
        CheckResult down = check("amqp://guest:wrong-s3cret@127.0.0.1:1/%2F", queue);
        assertEquals(CheckStatus.ERROR, down.status(), down.message());
        assertFalse((down.message() + down.target()).contains("wrong-s3cret"), down.message());
    }

    @Test
    void redisListDepthAndGrowth() throws Exception {
        String key = Services.unique("sw_list");
        try (Resp redis = connectRedis()) {
            redis.command("RPUSH", key, "a", "b", "c", "d");
            CheckResult first = check(REDIS, key);
            assertEquals(CheckStatus.PASS, first.status(), first.message());
            assertEquals(4L, first.observations().get("depth"));
            assertFalse(first.observations().containsKey("consumers"), "a Redis list does not tell its consumers");
            redis.command("LPOP", key);
            clock.advance(Duration.ofSeconds(30));
            CheckResult second = check(REDIS, key);
            assertEquals(-2.0, second.observations().get("growth-per-min"));
            redis.command("SET", key + "_s", "x");
            CheckResult wrong = check(REDIS, key + "_s");
            assertEquals(CheckStatus.ERROR, wrong.status(), wrong.message());
        } finally {
            try (Resp redis = connectRedis()) {
                redis.command("DEL", key, key + "_s");
            }
        }
    }

    static Resp connectRedis() {
        try {
            return Resp.connect(REDIS, Duration.ofSeconds(3));
        } catch (RuntimeException e) {
            throw Services.missing("Redis at 127.0.0.1:6379", e);
        }
    }
}
