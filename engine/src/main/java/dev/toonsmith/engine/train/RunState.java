package dev.toonsmith.engine.train;

/**
 * Where a run in a folder stands, as far as the folder tells: what the Train page offers for it (start it
 * again, resume it, export it) follows from this.
 *
 * <p>A run that is training right now has checkpoints below its planned steps and so reads as {@link #RESUMABLE};
 * the folder cannot tell it from one that was stopped. The process running it knows.
 */
public enum RunState {

    /** A configuration but no checkpoint: it stopped or failed before its first checkpoint, or never ran. */
    NOT_STARTED,

    /** Stopped or crashed before its last step: its newest checkpoint is below the planned steps. */
    RESUMABLE,

    /** Its newest checkpoint is at the planned steps. Resuming it with more steps extends it. */
    FINISHED,

    /** The folder holds a run whose configuration or checkpoints cannot be read. */
    UNREADABLE
}
