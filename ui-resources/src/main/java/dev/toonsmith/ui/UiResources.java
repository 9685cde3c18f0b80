package dev.toonsmith.ui;

import java.net.URL;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * The studio's stylesheets and texts, looked up by name.
 *
 * <p>Every lookup fails loudly: a missing stylesheet or text key is a packaging bug, and a window that
 * silently shows a raw key or loses its theme would hide it until a user notices. The exception names the
 * resource and where it was looked for.
 *
 * <p>Plain Java, no JavaFX: the texts are used by ViewModels that are tested without the toolkit.
 */
public final class UiResources {

    /** Where the resources live on the classpath. */
    public static final String ROOT = "dev/toonsmith/ui/";

    static final String TEXT_BUNDLE = "dev.toonsmith.ui.text.studio";

    private UiResources() {}

    /**
     * The URL (external form, as {@code Scene.getStylesheets()} wants it) of a stylesheet in this module,
     * e.g. {@code "studio.css"}.
     *
     * @throws MissingUiResourceException if there is no such stylesheet
     */
    public static String stylesheet(String name) {
        return resource(name).toExternalForm();
    }

    /**
     * A resource of this module by its name under {@value #ROOT}.
     *
     * @throws MissingUiResourceException if there is no such resource
     */
    public static URL resource(String name) {
        Objects.requireNonNull(name, "name");
        URL url = UiResources.class.getClassLoader().getResource(ROOT + name);
        if (url == null) {
            throw new MissingUiResourceException("UI resource '" + ROOT + name + "' is missing from the "
                    + "classpath (module ui-resources). Add it or fix the name.");
        }
        return url;
    }

    /** The studio's texts in the default locale. */
    public static Texts texts() {
        return texts(Locale.getDefault());
    }

    /** The studio's texts in {@code locale}, falling back to English. */
    public static Texts texts(Locale locale) {
        try {
            return new Texts(ResourceBundle.getBundle(TEXT_BUNDLE, locale, UiResources.class.getClassLoader()));
        } catch (MissingResourceException e) {
            throw new MissingUiResourceException("Text bundle '" + TEXT_BUNDLE + "' is missing from the "
                    + "classpath (module ui-resources).", e);
        }
    }

    /** A text bundle whose lookups name the key when it is missing. */
    public static final class Texts {

        private final ResourceBundle bundle;

        Texts(ResourceBundle bundle) {
            this.bundle = bundle;
        }

        /**
         * The text for {@code key}.
         *
         * @throws MissingUiResourceException if the bundle has no such key
         */
        public String get(String key) {
            Objects.requireNonNull(key, "key");
            try {
                return bundle.getString(key);
            } catch (MissingResourceException e) {
                throw new MissingUiResourceException("Text key '" + key + "' is missing from bundle '"
                        + TEXT_BUNDLE + "' (ui-resources/src/main/resources/dev/toonsmith/ui/text/studio.properties).", e);
            }
        }

        /** The text for {@code key} with {@code {0}}, {@code {1}}... replaced by the arguments. */
        public String format(String key, Object... arguments) {
            return new MessageFormat(get(key), bundle.getLocale()).format(arguments);
        }

        /** Whether the bundle has {@code key}. */
        public boolean has(String key) {
            return bundle.containsKey(key);
        }

        /** The underlying bundle, e.g. for FXML-free views that pass it on. */
        public ResourceBundle bundle() {
            return bundle;
        }
    }

    /** A stylesheet, text or other UI resource the studio needs is not on the classpath. */
    public static final class MissingUiResourceException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        MissingUiResourceException(String message) {
            super(message);
        }

        MissingUiResourceException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
