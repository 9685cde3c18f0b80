package dev.toonsmith.app.studio.batch;

import dev.toonsmith.app.studio.shell.Page;
import javafx.scene.Node;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.material2.Material2MZ;

/** The Batch page of the navigation rail: cartoonize whole folders with one look. */
public final class BatchPage implements Page {

    private final String title;
    private final BatchViewModel model;
    private final BatchView view;

    public BatchPage(String title, BatchViewModel model, BatchView view) {
        this.title = title;
        this.model = model;
        this.view = view;
    }

    @Override
    public String id() {
        return "batch";
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public Ikon icon() {
        return Material2MZ.PHOTO_LIBRARY;
    }

    @Override
    public Node content() {
        return view;
    }

    @Override
    public void shown() {
        // The look is copied when the page is first opened, not at the studio's start: by then the user has
        // usually settled on one in the Studio page.
        model.shownFirstTime();
    }
}
