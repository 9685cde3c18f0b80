package dev.toonsmith.app.studio.workspace;

import dev.toonsmith.app.studio.shell.Page;
import javafx.scene.Node;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.material2.Material2MZ;

/** The Studio page of the navigation rail. */
public final class StudioPage implements Page {

    private final String title;
    private final WorkspaceView view;

    public StudioPage(String title, WorkspaceView view) {
        this.title = title;
        this.view = view;
    }

    @Override
    public String id() {
        return "studio";
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public Ikon icon() {
        return Material2MZ.PHOTO_FILTER;
    }

    @Override
    public Node content() {
        return view;
    }
}
