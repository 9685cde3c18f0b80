package dev.toonsmith.app.studio.train;

import java.time.LocalTime;

/**
 * A line of a run's event list: something that happened, when, and whether it needs the user's attention.
 *
 * @param problem true for non-finite losses, rollbacks, skipped files and failures
 */
public record RunLogEntry(LocalTime time, long step, boolean problem, String text) {}
