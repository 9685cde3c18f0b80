package dev.toonsmith.engine.render;

/**
 * A render setting whose value cannot be used, named as {@code stylize --help} and the studio name it
 * ({@code strength}, {@code max-edge}), so that each front end can point at its own control for it.
 */
public final class RenderSettingException extends IllegalArgumentException {

    private final String setting;
    private final String problem;

    /**
     * @param setting the setting's name, e.g. {@code max-edge}
     * @param problem what is wrong and what to do, as a sentence that follows the setting's name
     */
    public RenderSettingException(String setting, String problem) {
        super("render setting '" + setting + "' " + problem);
        this.setting = setting;
        this.problem = problem;
    }

    public String setting() {
        return setting;
    }

    public String problem() {
        return problem;
    }
}
