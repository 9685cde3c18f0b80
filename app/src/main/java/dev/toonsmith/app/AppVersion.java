package dev.toonsmith.app;

/**
 * What this build calls itself: "Toonsmith" and the version from the jar manifest, or "(development build)" when
 * run from classes. {@code toonsmith --version} prints it, and exported files name it as their producer.
 */
public final class AppVersion {

    private AppVersion() {}

    /** E.g. {@code Toonsmith 1.4.0}. */
    public static String describe() {
        String version = AppVersion.class.getPackage().getImplementationVersion();
        return "Toonsmith " + (version == null ? "(development build)" : version);
    }
}
