package dev.likeness.runtime.tfjs;

import ai.djl.Model;
import dev.likeness.runtime.OnnxModels;
import dev.likeness.runtime.TorchModels;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Loads a TF.js graph model ({@code model.json} + weight shards) as a DJL {@link Model}: translated
 * to ONNX for OnnxRuntime, or as a {@link TfjsGraphBlock} on PyTorch. Either way the model takes and
 * returns TF's NHWC tensors, and chains a convolution's batch-norm and clamp into it first.
 */
public final class TfjsGraphModel {

    private TfjsGraphModel() {
    }

    /**
     * @param modelJson path to the {@code .json} file; shards are resolved next to it
     * @param outputs node names the model returns, in this order
     */
    public static Model load(Path modelJson, List<String> outputs, GraphEngine engine) throws IOException {
        return load(modelJson, GraphDef.read(modelJson), outputs, engine);
    }

    /** Same, returning the outputs named in the model's signature. */
    public static Model load(Path modelJson, GraphEngine engine) throws IOException {
        GraphDef graph = GraphDef.read(modelJson);
        return load(modelJson, graph, graph.signatureOutputs(), engine);
    }

    private static Model load(Path modelJson, GraphDef graph, List<String> outputs, GraphEngine engine)
            throws IOException {
        String fileName = modelJson.getFileName().toString();
        String name = fileName.endsWith(".json") ? fileName.substring(0, fileName.length() - 5) : fileName;
        GraphDef fused = ConvolutionFusion.fuse(graph, outputs);
        if (engine == GraphEngine.ONNX_RUNTIME) {
            return OnnxModels.load(name, TfjsToOnnx.translate(fused, graph.placeholders(), outputs));
        }
        Model model = TorchModels.newModel(name);
        try {
            model.setBlock(new TfjsGraphBlock(fused, model.getNDManager(), graph.placeholders(), outputs));
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
        return model;
    }
}
