package dev.likeness.runtime.tfjs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * HSE FaceRes arrives unfused: each of its 27 convolutions is followed by a bias add (the
 * depthwise ones by a batch-norm scale first) and Relu, Minimum(6), Maximum(0). The fused graph
 * must keep no element-wise node on that path; {@link TfjsModelGoldenTest} checks its numbers
 * against TF.js.
 */
class ConvolutionFusionTest {

    @Test
    void facesResLayersBecomeClampedConvolutionsWithBias() throws Exception {
        Path json = Path.of(System.getProperty("likeness.models.dir", "target/models"), "human", "faceres.json");
        GraphDef graph = GraphDef.read(json);
        List<String> outputs = List.of("gender_pred/Sigmoid", "age_pred/Softmax", "global_pooling/Mean");
        GraphDef fused = ConvolutionFusion.fuse(graph, outputs);

        Map<String, Long> before = opCounts(graph);
        Map<String, Long> after = opCounts(fused);
        assertEquals(14L, after.get("_FusedConv2D"), after.toString());
        assertEquals(13L, after.get("FusedDepthwiseConv2dNative"), after.toString());
        for (String elementWise : List.of("Relu", "Minimum", "Maximum", "Mul", "Add", "Conv2D", "DepthwiseConv2dNative")) {
            assertEquals(0L, after.getOrDefault(elementWise, 0L), elementWise + " left in " + after + " (before: " + before + ")");
        }
        GraphNode first = fused.nodes().values().stream()
                .filter(n -> n.op().equals("_FusedConv2D")).findFirst().orElseThrow();
        assertEquals(List.of("BiasAdd", "Relu6"), first.strings("fused_ops"));
        assertTrue(fused.node("conv1_relu/clip_by_value").op().equals("_FusedConv2D"),
                "the fused node takes the name of the chain's last node, so its readers are unchanged");
    }

    @Test
    void aChainEndsAtAnOutputRatherThanSkipOverIt() throws Exception {
        Path json = Path.of(System.getProperty("likeness.models.dir", "target/models"), "human", "faceres.json");
        GraphDef graph = GraphDef.read(json);
        GraphDef fused = ConvolutionFusion.fuse(graph, List.of("conv1_bn/batchnorm_1/add_1", "age_pred/Softmax"));
        GraphNode output = fused.node("conv1_bn/batchnorm_1/add_1");
        assertEquals("_FusedConv2D", output.op());
        assertEquals(List.of("BiasAdd"), output.strings("fused_ops"));
        assertEquals("Relu", fused.node("conv1_relu/Relu").op());
    }

    private static Map<String, Long> opCounts(GraphDef graph) {
        return graph.nodes().values().stream().collect(Collectors.groupingBy(GraphNode::op, Collectors.counting()));
    }
}
