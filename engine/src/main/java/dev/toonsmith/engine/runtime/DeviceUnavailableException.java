package dev.toonsmith.engine.runtime;

/** The user asked for a device this machine or this build does not have. */
public class DeviceUnavailableException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public DeviceUnavailableException(String message) {
        super(message);
    }
}
