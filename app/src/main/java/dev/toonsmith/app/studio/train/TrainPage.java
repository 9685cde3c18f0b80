package dev.toonsmith.app.studio.train;

import dev.toonsmith.app.studio.shell.Page;
import javafx.scene.Node;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.material2.Material2MZ;

/** The Train page of the navigation rail: train a style of your own and watch it learn. */
public final class TrainPage implements Page {

    private final String title;
    private final TrainViewModel model;
    private final TrainView view;
    private boolean listed;

    public TrainPage(String title, TrainViewModel model, TrainView view) {
        this.title = title;
        this.model = model;
        this.view = view;
    }

    @Override
    public String id() {
        return "train";
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public Ikon icon() {
        return Material2MZ.SCHOOL;
    }

    @Override
    public Node content() {
        return view;
    }

    @Override
    public void shown() {
        if (!listed) {
            // The runs folder is read when the page is first opened, not at every start of the studio.
            listed = true;
            model.refreshRuns();
        }
        view.setVisibleOnScreen(true);
    }

    @Override
    public void hidden() {
        view.setVisibleOnScreen(false);
    }
}
