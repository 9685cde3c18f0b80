package dev.toonsmith.app.studio.gallery;

import java.util.List;
import java.util.Locale;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The author and licence the user gave the last style they exported or imported, proposed for the next one (kept in
 * the studio settings between launches), and the licences the forms offer. Never the login name: a style's author is
 * who the user says it is.
 */
public final class CreditsMemory {

    /** The licences offered for a style one made; any other SPDX id may be typed. */
    public static final List<String> COMMON_LICENCES =
            List.of("CC0-1.0", "CC-BY-4.0", "CC-BY-SA-4.0", "CC-BY-NC-4.0", "All rights reserved");

    /** What an imported model's licence may also be: code licences models come under, or not known. */
    public static final List<String> MODEL_LICENCES = List.of("CC0-1.0", "CC-BY-4.0", "CC-BY-SA-4.0", "CC-BY-NC-4.0",
            "MIT", "Apache-2.0", "All rights reserved", "unknown");

    private final StringProperty author = new SimpleStringProperty(this, "author", "");
    private final StringProperty licence = new SimpleStringProperty(this, "licence", "");

    /** The author typed last; empty before the first style. */
    public StringProperty authorProperty() {
        return author;
    }

    /** The licence chosen last; empty before the first style. "unknown" is not remembered. */
    public StringProperty licenceProperty() {
        return licence;
    }

    /**
     * Remembers the credits of a style just made or imported: the author as typed (an emptied field is remembered
     * empty), the licence unless it is blank or "unknown", which is an answer about one model, not a choice to repeat.
     */
    public void remember(String typedAuthor, String chosenLicence) {
        author.set(typedAuthor == null ? "" : typedAuthor.strip());
        String l = chosenLicence == null ? "" : chosenLicence.strip();
        if (!l.isEmpty() && !l.toLowerCase(Locale.ROOT).equals("unknown")) {
            licence.set(l);
        }
    }
}
