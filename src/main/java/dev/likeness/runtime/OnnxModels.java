package dev.likeness.runtime;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.Translator;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The one way this service loads an ONNX network: a DJL {@link ZooModel} on the OnnxRuntime
 * engine with one intra-op and one inter-op thread (requests run side by side on the cores instead
 * of contending for them), its translator bound.
 */
public final class OnnxModels {

    private OnnxModels() {
    }

    /** A model from ONNX bytes made in memory (a translated TF.js graph), with the same threads. */
    public static Model load(String name, byte[] onnx) throws IOException {
        Model model = Model.newInstance(name, Device.cpu(), "OnnxRuntime");
        try {
            model.load(new ByteArrayInputStream(onnx), Map.of("intraOpNumThreads", "1", "interOpNumThreads", "1"));
        } catch (MalformedModelException | RuntimeException e) {
            model.close();
            throw new IOException(name + " could not be loaded on OnnxRuntime: " + e.getMessage(), e);
        }
        return model;
    }

    /** @param file the {@code .onnx} file's name inside {@code dir} */
    public static <I, O> ZooModel<I, O> load(Path dir, String file, Class<I> input, Class<O> output,
                                              Translator<I, O> translator) throws IOException {
        Criteria<I, O> criteria = Criteria.builder()
                .setTypes(input, output)
                .optModelPath(dir)
                .optModelName(file.substring(0, file.length() - ".onnx".length()))
                .optEngine("OnnxRuntime")
                .optTranslator(translator)
                .optOption("intraOpNumThreads", "1")
                .optOption("interOpNumThreads", "1")
                .build();
        try {
            return criteria.loadModel();
        } catch (ModelNotFoundException | MalformedModelException e) {
            throw new IOException(file + " could not be loaded from " + dir + ": " + e.getMessage(), e);
        }
    }
}
