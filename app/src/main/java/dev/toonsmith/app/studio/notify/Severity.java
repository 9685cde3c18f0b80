package dev.toonsmith.app.studio.notify;

/** How a notification looks: a confirmation, or a problem the user has to act on. */
public enum Severity {
    INFO,
    ERROR
}
