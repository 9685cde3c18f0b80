package dev.toonsmith.app.studio.gallery;

import dev.toonsmith.app.studio.render.Raster;
import dev.toonsmith.engine.model.ImportedSpec;
import dev.toonsmith.engine.style.StyleEntry;
import dev.toonsmith.engine.style.StyleSource;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/** One card of the style gallery: a style of the library, or "No style" (post-processing only). */
public final class StyleCardViewModel {

    private final StyleEntry entry;
    private final String name;
    private final String architecture;
    private final String licence;
    private final boolean licenceKnown;
    private final String sourceLabel;
    private final String onnxNote;
    private final String previewBadge;
    private final String previewNote;
    private final ObjectProperty<Raster> thumbnail = new SimpleObjectProperty<>(this, "thumbnail");

    /**
     * @param onnxNote what "Export as ONNX…" does for this style, or why it cannot (imported models); empty for
     *     "No style"
     * @param previewBadge the marker of a training checkpoint tried on ("Preview · step 282"); empty for others
     * @param previewNote what that marker means, for its tooltip; empty for others
     */
    StyleCardViewModel(StyleEntry entry, String name, String architecture, String licence, boolean licenceKnown,
            String sourceLabel, String onnxNote, String previewBadge, String previewNote) {
        this.entry = entry;
        this.name = name;
        this.architecture = architecture;
        this.licence = licence;
        this.licenceKnown = licenceKnown;
        this.sourceLabel = sourceLabel;
        this.onnxNote = onnxNote;
        this.previewBadge = previewBadge;
        this.previewNote = previewNote;
    }

    /** The style, or null for "No style". */
    public StyleEntry entry() {
        return entry;
    }

    /** The style's id, or null for "No style". */
    public String styleId() {
        return entry == null ? null : entry.id();
    }

    public boolean isNoStyle() {
        return entry == null;
    }

    public String name() {
        return name;
    }

    /** The generator architecture, e.g. "lite"; empty for "No style". */
    public String architecture() {
        return architecture;
    }

    /** The licence identifier, e.g. "CC0-1.0"; empty for "No style". */
    public String licence() {
        return licence;
    }

    /** False when the style names no licence, or "unknown": the card warns that it may not be shared. */
    public boolean licenceKnown() {
        return licenceKnown;
    }

    /**
     * Whether this is a training checkpoint tried on rather than an installed style: it has no licence yet, is not
     * kept, and its card looks different (dashed, with {@link #previewBadge()}).
     */
    public boolean preview() {
        return entry != null && entry.source() == StyleSource.PREVIEW;
    }

    /** "Preview · step 282" for a checkpoint tried on; empty for others. */
    public String previewBadge() {
        return previewBadge;
    }

    /** What a preview card is, for its marker's tooltip; empty for others. */
    public String previewNote() {
        return previewNote;
    }

    /** Whether the style carries a TorchScript or ONNX model from elsewhere rather than Toonsmith's own weights. */
    public boolean imported() {
        return isImported(entry);
    }

    static boolean isImported(StyleEntry entry) {
        return entry != null && ImportedSpec.NAME.equals(entry.manifest().architecture().name());
    }

    /** "Bundled" or "Yours"; empty for "No style". */
    public String sourceLabel() {
        return sourceLabel;
    }

    /** Only the user's own styles can be deleted; bundled ones come with the app. */
    public boolean deletable() {
        return entry != null && entry.source() == StyleSource.USER;
    }

    /**
     * Whether the card offers "Export as ONNX…": our own styles do (the engine may still refuse an architecture it
     * cannot write yet, with its reason); imported TorchScript or ONNX models and "No style" do not.
     */
    public boolean onnxExportable() {
        return entry != null && !imported();
    }

    /** The tooltip of "Export as ONNX…": what it does, or why an imported model cannot be exported. */
    public String onnxNote() {
        return onnxNote;
    }

    /** The name proposed for the exported model: {@code <style id>.onnx}; null for "No style". */
    public String onnxFileName() {
        return entry == null ? null : entry.id() + ".onnx";
    }

    /** The photo in this style, or the style's own picture while there is no photo. */
    public ObjectProperty<Raster> thumbnailProperty() {
        return thumbnail;
    }

    @Override
    public String toString() {
        return name;
    }
}
