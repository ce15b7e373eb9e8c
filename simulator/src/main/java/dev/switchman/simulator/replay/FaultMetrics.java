package dev.switchman.simulator.replay;

import java.time.Duration;
import java.time.Instant;

/**
 * How fast one injected fault was caught. Rules: {@code timeToDetect} to the first non-GO decision
 * citing the fault's check (or any, if it has no check), {@code timeToDecision} to the first
 * ROLLBACK, FIX_FORWARD or NO_GO. Team (game day): first human command after the fault, and first
 * {@code rollback}/{@code abort}/{@code go}. Null durations: never.
 */
public record FaultMetrics(String faultId, String checkId, Instant at,
                           Duration timeToDetect, String detectedBy,
                           Duration timeToDecision, String decidedBy,
                           Duration teamTimeToDetect, Duration teamTimeToDecide) {
}
