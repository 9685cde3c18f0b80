package dev.toonsmith.app.studio.export;

import dev.toonsmith.app.studio.adjust.Adjustments;
import dev.toonsmith.app.studio.render.Photo;
import dev.toonsmith.engine.style.StyleEntry;

/**
 * What an export renders: the photo, the style (null: none) and the slider positions at the moment the
 * user asked, so moving a slider during a long export does not change it.
 *
 * @param look a short name for the look, used in the proposed file name
 */
public record ExportJob(Photo photo, StyleEntry style, Adjustments adjustments, String look) {}
