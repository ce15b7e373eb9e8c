package dev.switchman.simulator.replay;

import dev.switchman.simulator.scenario.Expectation;

/** Whether one expectation held, and why (a sentence with the virtual times that decided it). */
public record Verdict(Expectation expectation, boolean holds, String detail) {
}
