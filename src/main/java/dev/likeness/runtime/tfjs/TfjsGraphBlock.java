package dev.likeness.runtime.tfjs;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A TF.js graph model as a DJL {@link ai.djl.nn.Block}: the nodes needed for the requested outputs,
 * compiled once into kernels and run in topological order on NDArrays. Tensors are NHWC as in
 * TensorFlow. Constants live in the manager given at construction (normally the Model's); a
 * forward keeps its state in locals, so one block serves concurrent predictors.
 */
public final class TfjsGraphBlock extends AbstractBlock {

    private static final byte VERSION = 1;

    private final List<String> inputNames;
    private final List<String> outputNames;
    /** One entry per value slot; a step writes exactly one slot. */
    private final NDArray[] constants;
    private final int[] inputSlots;
    private final int[] outputSlots;
    private final Step[] steps;

    private record Step(String name, Kernel kernel, int[] args, int slot, int[] releaseAfter) {
    }

    /**
     * @param graph the parsed model
     * @param constantManager owns the constants for the block's lifetime (use the Model's manager)
     * @param inputs placeholder names, in the order forward receives them
     * @param outputs node names, in the order forward returns them
     */
    public TfjsGraphBlock(GraphDef graph, NDManager constantManager, List<String> inputs, List<String> outputs) {
        super(VERSION);
        this.inputNames = List.copyOf(inputs);
        this.outputNames = List.copyOf(outputs);
        List<GraphNode> order = topologicalOrder(graph, outputs);
        Map<String, Integer> slotOf = new HashMap<>();
        for (GraphNode n : order) {
            slotOf.put(n.name(), slotOf.size());
        }
        constants = new NDArray[slotOf.size()];
        KernelCompiler compiler = new KernelCompiler(
                name -> isConst(graph, name) ? graph.weights().get(name) : null, constantManager);
        inputSlots = new int[inputs.size()];
        Arrays.fill(inputSlots, -1);
        List<Step> compiled = new ArrayList<>();
        for (GraphNode n : order) {
            int slot = slotOf.get(n.name());
            switch (n.op()) {
                case "Placeholder" -> {
                    int index = inputs.indexOf(n.name());
                    if (index < 0) {
                        throw new IllegalArgumentException("placeholder " + n.name() + " is needed but not listed as an input");
                    }
                    inputSlots[index] = slot;
                }
                case "Const" -> {
                    WeightTensor w = graph.weights().get(n.name());
                    if (w == null) {
                        throw new IllegalArgumentException("constant " + n.name() + " has no weights");
                    }
                    constants[slot] = w.toNDArray(constantManager);
                }
                default -> {
                    int[] args = n.inputs().stream().mapToInt(slotOf::get).toArray();
                    compiled.add(new Step(n.name(), compiler.compile(n), args, slot, null));
                }
            }
        }
        outputSlots = outputs.stream().mapToInt(slotOf::get).toArray();
        steps = withReleases(compiled, constants, inputSlots, outputSlots);
    }

    private static boolean isConst(GraphDef graph, String name) {
        GraphNode n = graph.nodes().get(name);
        return n != null && n.op().equals("Const");
    }

    /** Depth-first from the outputs, so nodes the outputs do not need are never compiled. */
    private static List<GraphNode> topologicalOrder(GraphDef graph, List<String> outputs) {
        List<GraphNode> order = new ArrayList<>();
        Set<String> done = new HashSet<>();
        Set<String> onPath = new HashSet<>();
        Deque<Object[]> stack = new ArrayDeque<>();
        for (String out : outputs) {
            stack.push(new Object[] {graph.node(out), 0});
            while (!stack.isEmpty()) {
                Object[] frame = stack.peek();
                GraphNode n = (GraphNode) frame[0];
                int next = (int) frame[1];
                if (next == 0) {
                    if (done.contains(n.name())) {
                        stack.pop();
                        continue;
                    }
                    onPath.add(n.name());
                }
                if (next < n.inputs().size()) {
                    frame[1] = next + 1;
                    String in = n.inputs().get(next);
                    if (onPath.contains(in)) {
                        throw new IllegalArgumentException("graph has a cycle through " + in);
                    }
                    if (!done.contains(in)) {
                        stack.push(new Object[] {graph.node(in), 0});
                    }
                } else {
                    stack.pop();
                    onPath.remove(n.name());
                    if (done.add(n.name())) {
                        order.add(n);
                    }
                }
            }
        }
        return order;
    }

    /** Marks, for each step, the intermediate values whose last reader it is. */
    private static Step[] withReleases(List<Step> steps, NDArray[] constants, int[] inputs, int[] outputs) {
        Map<Integer, Integer> lastReader = new HashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            for (int a : steps.get(i).args()) {
                lastReader.put(a, i);
            }
        }
        Set<Integer> kept = new LinkedHashSet<>();
        Arrays.stream(inputs).forEach(kept::add);
        Arrays.stream(outputs).forEach(kept::add);
        Step[] out = new Step[steps.size()];
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            final int index = i;
            int[] release = Arrays.stream(s.args()).distinct()
                    .filter(a -> lastReader.get(a) == index && constants[a] == null && !kept.contains(a))
                    .toArray();
            out[i] = new Step(s.name(), s.kernel(), s.args(), s.slot(), release);
        }
        return out;
    }

    public List<String> inputNames() {
        return inputNames;
    }

    public List<String> outputNames() {
        return outputNames;
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
            PairList<String, Object> params) {
        if (inputs.size() != inputSlots.length) {
            throw new IllegalArgumentException("expected " + inputSlots.length + " inputs, got " + inputs.size());
        }
        NDManager caller = inputs.head().getManager();
        try (NDManager scope = caller.newSubManager()) {
            NDArray[] values = constants.clone();
            for (int i = 0; i < inputSlots.length; i++) {
                if (inputSlots[i] >= 0) {
                    values[inputSlots[i]] = inputs.get(i);
                }
            }
            for (Step step : steps) {
                NDArray[] args = new NDArray[step.args().length];
                for (int i = 0; i < args.length; i++) {
                    args[i] = values[step.args()[i]];
                }
                NDArray out;
                try {
                    out = step.kernel().apply(args);
                } catch (RuntimeException e) {
                    throw new IllegalStateException("node " + step.name() + " failed: " + e.getMessage(), e);
                }
                for (NDArray a : args) {
                    if (out == a) {
                        out = a.reshape(a.getShape()); // a new handle, so releasing one slot cannot free another
                        break;
                    }
                }
                out.attach(scope);
                values[step.slot()] = out;
                for (int r : step.releaseAfter()) {
                    values[r].close();
                    values[r] = null;
                }
            }
            NDList result = new NDList(outputSlots.length);
            for (int slot : outputSlots) {
                NDArray v = values[slot];
                boolean borrowed = constants[slot] != null || Arrays.stream(inputSlots).anyMatch(s -> s == slot);
                NDArray owned = borrowed ? v.duplicate() : v;
                owned.attach(caller);
                result.add(owned);
            }
            return result;
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        try (NDManager m = NDManager.newBaseManager()) {
            NDList zeros = new NDList();
            for (Shape s : inputShapes) {
                zeros.add(m.zeros(s, DataType.FLOAT32));
            }
            NDList out = forwardInternal(new ParameterStore(m, false), zeros, false, null);
            return out.getShapes();
        }
    }

    @Override
    public String toString() {
        return "TfjsGraphBlock(" + steps.length + " ops, inputs=" + inputNames + ", outputs=" + outputNames + ")";
    }
}
