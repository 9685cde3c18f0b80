package dev.toonsmith.app.studio.train;

import java.nio.file.Path;

/** A sample grid of a run: the fixed photos above, the generator's pictures of them at {@code step} below. */
public record SampleGridItem(long step, Path file) {}
