package dev.toonsmith.app.cli;

import dev.toonsmith.engine.onnx.OnnxExport;
import dev.toonsmith.engine.style.StyleBundle;
import dev.toonsmith.engine.style.StyleLibrary;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code toonsmith export-onnx}: one of our styles as a standard ONNX graph, to run outside Toonsmith. */
@Command(name = "export-onnx", mixinStandardHelpOptions = true,
        description = {"Writes a style as an ONNX model (opset 17, NCHW RGB in -1..1, dynamic height and width),"
                + " to run in ONNX Runtime, chaiNNer and the like.",
            "Toonsmith's own styles (lite and cartoongan) can be exported; imported models cannot."})
final class ExportOnnxCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "STYLE", description = "An installed style (id or name) or a .toon file.")
    String style;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE.onnx", description = "The model to write.")
    Path output;

    @Override
    public Integer call() throws Exception {
        StyleBundle bundle = StyleLibrary.load().resolve(style);
        try {
            OnnxExport.export(bundle, output, new VersionProvider().getVersion()[0]);
        } catch (UnsupportedOperationException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        spec.commandLine().getOut().printf("Wrote %s: style '%s' (%s) as ONNX, opset 17; input '%s', output '%s',"
                + " NCHW RGB in -1..1, height and width multiples of %d%n", output, bundle.manifest().name(),
                bundle.spec().describe(), OnnxExport.INPUT, OnnxExport.OUTPUT, bundle.spec().sizeMultiple());
        return 0;
    }
}
