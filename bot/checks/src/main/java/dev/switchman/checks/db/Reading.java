package dev.switchman.checks.db;

/**
 * What one replication reader measured. {@code lagS} and {@code lagBytes} are null when they
 * could not be measured; {@code running} says whether changes are flowing (worker and link up).
 *
 * @param state    the replication state in the engine's words ({@code streaming}, {@code disabled}, ...)
 * @param running  true iff the link and the apply worker are up
 * @param lagS     seconds behind the primary, or null
 * @param lagBytes bytes (WAL, binlog or replication offset) behind the primary, or null
 * @param detail   one clause for the message (names, positions; never credentials)
 */
record Reading(String state, boolean running, Double lagS, Long lagBytes, String detail) {

    Reading withLagS(Double seconds) {
        return new Reading(state, running, seconds, lagBytes, detail);
    }
}
