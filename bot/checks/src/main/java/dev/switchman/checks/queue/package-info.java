/**
 * The {@code queue.*} check family: {@code queue.health} (RabbitMQ queues by AMQP passive
 * declare, Redis lists by LLEN): depth, consumers, growth per minute between two samples.
 * Documented in docs/checks-queue.md. Depends on core's check SPI and {@code checks.connection}.
 */
package dev.switchman.checks.queue;
