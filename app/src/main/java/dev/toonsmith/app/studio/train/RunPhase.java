package dev.toonsmith.app.studio.train;

/** Where a run shown on the Train page stands. */
public enum RunPhase {
    /** Its data is being read and its networks built. */
    LOADING,
    RUNNING,
    PAUSED,
    /** Asked to stop: it finishes the current step and writes a checkpoint. */
    STOPPING,
    /** Reached its last step. */
    FINISHED,
    /** Stopped, or ended by a crash, before its last step; it can be resumed from its newest checkpoint. */
    STOPPED,
    /** Failed in this session; its last checkpoint is intact. */
    FAILED,
    /** Has a configuration but no checkpoint yet. */
    NOT_STARTED;

    /** Whether the run is being trained by this studio now. */
    public boolean isActive() {
        return this == LOADING || this == RUNNING || this == PAUSED || this == STOPPING;
    }
}
