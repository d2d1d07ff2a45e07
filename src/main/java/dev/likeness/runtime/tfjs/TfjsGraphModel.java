package dev.likeness.runtime.tfjs;

import ai.djl.Model;
import dev.likeness.runtime.TorchModels;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Loads a TF.js graph model ({@code model.json} + weight shards) as a DJL {@link Model} on PyTorch. */
public final class TfjsGraphModel {

    private TfjsGraphModel() {
    }

    /**
     * @param modelJson path to the {@code .json} file; shards are resolved next to it
     * @param outputs node names the block returns, in this order
     */
    public static Model load(Path modelJson, List<String> outputs) throws IOException {
        return load(modelJson, GraphDef.read(modelJson), outputs);
    }

    /** Same, returning the outputs named in the model's signature. */
    public static Model load(Path modelJson) throws IOException {
        GraphDef graph = GraphDef.read(modelJson);
        return load(modelJson, graph, graph.signatureOutputs());
    }

    private static Model load(Path modelJson, GraphDef graph, List<String> outputs) {
        String fileName = modelJson.getFileName().toString();
        String name = fileName.endsWith(".json") ? fileName.substring(0, fileName.length() - 5) : fileName;
        Model model = TorchModels.newModel(name);
        try {
            model.setBlock(new TfjsGraphBlock(ConvolutionFusion.fuse(graph, outputs), model.getNDManager(),
                    graph.placeholders(), outputs));
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
        return model;
    }
}
