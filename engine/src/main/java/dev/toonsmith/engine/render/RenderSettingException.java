package dev.toonsmith.engine.render;

import dev.toonsmith.engine.options.OptionException;

/** A render setting whose value cannot be used, named as {@code stylize --help} and the studio name it. */
public final class RenderSettingException extends OptionException {

    /**
     * @param setting the setting's name, e.g. {@code max-edge}
     * @param problem what is wrong and what to do, as a sentence that follows the setting's name
     */
    public RenderSettingException(String setting, String problem) {
        super("render", setting, problem);
    }

    /** The setting's name, e.g. {@code max-edge}. */
    public String setting() {
        return option();
    }
}
