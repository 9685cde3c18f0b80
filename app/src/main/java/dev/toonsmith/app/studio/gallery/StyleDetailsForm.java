package dev.toonsmith.app.studio.gallery;

import dev.toonsmith.engine.style.StyleNames;
import dev.toonsmith.ui.UiResources.Texts;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The "Export as style" form of a training checkpoint: the new style's name (proposed free of the installed styles'
 * names), its author and licence (as given last time, else empty), and what is missing before it can be saved. A name
 * an installed style already has is refused, as in the "Import model" form.
 */
public final class StyleDetailsForm {

    private final Texts texts;
    private final StyleNames installed;
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty author = new SimpleStringProperty(this, "author", "");
    private final StringProperty licence = new SimpleStringProperty(this, "licence", "");
    private final StringBinding missing;

    /**
     * @param proposedName the name to start with; made free first ("photos (2)" when "photos" is installed)
     * @param credits the author and licence given last time
     */
    public StyleDetailsForm(Texts texts, StyleNames installed, CreditsMemory credits, String proposedName) {
        this.texts = Objects.requireNonNull(texts, "texts");
        this.installed = Objects.requireNonNull(installed, "installed");
        name.set(installed.free(proposedName == null ? "" : proposedName));
        author.set(credits.authorProperty().get());
        licence.set(credits.licenceProperty().get());
        missing = Bindings.createStringBinding(this::whatIsMissing, name, licence);
    }

    private String whatIsMissing() {
        if (name.get() == null || name.get().isBlank()) {
            return texts.get("styleDetails.missing.name");
        }
        Optional<String> clash = ImportModelViewModel.nameClash(installed, name.get(), texts);
        if (clash.isPresent()) {
            return clash.get();
        }
        if (licence.get() == null || licence.get().isBlank()) {
            return texts.get("styleDetails.missing.licence");
        }
        return "";
    }

    /** What keeps the style from being saved, one sentence; empty when it can be. */
    public StringBinding missingProperty() {
        return missing;
    }

    /** True when nothing is missing: the dialog's Export button follows it. */
    public boolean ready() {
        return missing.get().isEmpty();
    }

    public StringProperty nameProperty() {
        return name;
    }

    /** Who made the style; optional. */
    public StringProperty authorProperty() {
        return author;
    }

    /** One of {@link CreditsMemory#COMMON_LICENCES} or any SPDX id; required. */
    public StringProperty licenceProperty() {
        return licence;
    }

    /** The name, author and licence as typed, trimmed. */
    public String name() {
        return name.get() == null ? "" : name.get().strip();
    }

    public String author() {
        return author.get() == null ? "" : author.get().strip();
    }

    public String licence() {
        return licence.get() == null ? "" : licence.get().strip();
    }
}
