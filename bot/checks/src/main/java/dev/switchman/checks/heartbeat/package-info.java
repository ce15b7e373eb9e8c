/**
 * {@code heartbeat}: pushed checks. Cron jobs and workers ping {@code /ping/<check-id>} on
 * {@code switchman serve}; the check compares the last ping with a period or a cron schedule in a time
 * zone, plus grace. docs/checks-heartbeat.md.
 */
package dev.switchman.checks.heartbeat;
