package dev.toonsmith.app.studio.shell;

import javafx.scene.Node;
import org.kordamp.ikonli.Ikon;

/**
 * A page of the navigation rail. Features add pages by implementing this; the shell knows none of them.
 */
public interface Page {

    /** Stable id, e.g. for tests and remembering the last page. */
    String id();

    /** The rail's label. */
    String title();

    Ikon icon();

    /** The page's view, built once. */
    Node content();

    /** The page came to the front. FX thread. */
    default void shown() {}

    /** Another page came to the front: stop what only matters while visible (chart redraws). FX thread. */
    default void hidden() {}
}
