package dev.toonsmith.engine.batch;

import java.nio.file.Path;

/**
 * One input of a batch and where its output goes.
 *
 * @param index its number in the batch, from 1
 * @param source the image file, absolute
 * @param displayName the source relative to the input it was found in (a file given by itself: its name)
 * @param output where the result is written, absolute
 */
public record BatchItem(int index, Path source, String displayName, Path output) {}
