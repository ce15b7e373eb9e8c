package dev.switchman.checks.queue;

/**
 * One queue read once: its depth (ready messages or list length) and consumers (null where the
 * broker cannot tell, as for a Redis list).
 */
record QueueSample(String queue, long depth, Integer consumers) {
}
