package dev.toonsmith.app.cli;

import picocli.CommandLine;

/** The version from the jar manifest, or "development" when run from classes. */
final class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = ToonsmithCommand.class.getPackage().getImplementationVersion();
        return new String[] {"Toonsmith " + (version == null ? "(development build)" : version)};
    }
}
