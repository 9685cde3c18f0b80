package dev.toonsmith.app.studio.settings;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What the studio remembers between launches. A plain bean for Jackson: unknown fields are ignored and
 * missing ones keep their defaults, so settings written by another version still load.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class StudioSettings {

    public static final double DEFAULT_WIDTH = 1440;
    public static final double DEFAULT_HEIGHT = 900;

    private String theme = Theme.LIGHT.key();
    private double windowWidth = DEFAULT_WIDTH;
    private double windowHeight = DEFAULT_HEIGHT;
    private Double windowX;
    private Double windowY;
    private boolean maximized;
    private String lastFolder;
    private String lastExportFolder;
    /** What {@link #getLastStyle()} holds after the user chose "No style" (post-processing alone). */
    public static final String NO_STYLE = "none";

    // A first launch shows the bundled default style, so that a new user sees a cartoon at once.
    private String lastStyle = dev.toonsmith.engine.style.StyleLibrary.DEFAULT_ID;
    private String lastPreset;
    private boolean splitView;
    /** The author and licence given to the last style exported or imported, proposed for the next one. */
    private String lastAuthor;
    private String lastLicence;
    /** The photos last opened, newest first. */
    private java.util.List<String> recentFiles = new java.util.ArrayList<>();
    /** The largest picture the studio opens, in pixels; 0 for the engine's default (what the memory budget holds). */
    private long maxPixels;

    public String getTheme() {
        return theme;
    }

    public void setTheme(String theme) {
        this.theme = theme;
    }

    public double getWindowWidth() {
        return windowWidth;
    }

    public void setWindowWidth(double windowWidth) {
        this.windowWidth = windowWidth;
    }

    public double getWindowHeight() {
        return windowHeight;
    }

    public void setWindowHeight(double windowHeight) {
        this.windowHeight = windowHeight;
    }

    public Double getWindowX() {
        return windowX;
    }

    public void setWindowX(Double windowX) {
        this.windowX = windowX;
    }

    public Double getWindowY() {
        return windowY;
    }

    public void setWindowY(Double windowY) {
        this.windowY = windowY;
    }

    public boolean isMaximized() {
        return maximized;
    }

    public void setMaximized(boolean maximized) {
        this.maximized = maximized;
    }

    /** The folder the last photo was opened from, for the next Open dialog. */
    public String getLastFolder() {
        return lastFolder;
    }

    public void setLastFolder(String lastFolder) {
        this.lastFolder = lastFolder;
    }

    /** The folder of the last export, proposed for the next one where the photo's own cannot be written. */
    public String getLastExportFolder() {
        return lastExportFolder;
    }

    public void setLastExportFolder(String lastExportFolder) {
        this.lastExportFolder = lastExportFolder;
    }

    /** The id of the last style picked; null for "No style". */
    public String getLastStyle() {
        return lastStyle;
    }

    public void setLastStyle(String lastStyle) {
        this.lastStyle = lastStyle;
    }

    public String getLastPreset() {
        return lastPreset;
    }

    public void setLastPreset(String lastPreset) {
        this.lastPreset = lastPreset;
    }

    public boolean isSplitView() {
        return splitView;
    }

    public void setSplitView(boolean splitView) {
        this.splitView = splitView;
    }

    /**
     * The largest picture the studio opens, in pixels ({@link dev.toonsmith.engine.image.ImageLimits}); 0 for the
     * default. Raise it by hand in {@code studio-settings.json} to open larger scans, with the memory they need.
     */
    public long getMaxPixels() {
        return maxPixels;
    }

    public void setMaxPixels(long maxPixels) {
        this.maxPixels = maxPixels;
    }

    /** The limit {@link #getMaxPixels()} sets; a value out of range (edited by hand) keeps the default. */
    public dev.toonsmith.engine.image.ImageLimits imageLimits() {
        return dev.toonsmith.engine.image.ImageLimits.problem(maxPixels) == null
                ? dev.toonsmith.engine.image.ImageLimits.of(maxPixels) : dev.toonsmith.engine.image.ImageLimits.DEFAULT;
    }

    public String getLastAuthor() {
        return lastAuthor;
    }

    public void setLastAuthor(String lastAuthor) {
        this.lastAuthor = lastAuthor;
    }

    public String getLastLicence() {
        return lastLicence;
    }

    public void setLastLicence(String lastLicence) {
        this.lastLicence = lastLicence;
    }

    public java.util.List<String> getRecentFiles() {
        return recentFiles;
    }

    public void setRecentFiles(java.util.List<String> recentFiles) {
        this.recentFiles = recentFiles == null ? new java.util.ArrayList<>() : new java.util.ArrayList<>(recentFiles);
    }
}
