package dev.likeness.runtime;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The one way this service creates a PyTorch model, so the engine is prepared exactly once before
 * any: offline, and with NNPACK switched off. On CPUs NNPACK does not support, PyTorch tries it
 * before every convolution and writes "Could not initialize NNPACK! Reason: Unsupported hardware."
 * to stderr each time (about 100 lines per image, 99 % of the log). Python's answer is
 * {@code torch.backends.nnpack.set_flags(False)}; DJL has no such switch, so this calls the same
 * exported libtorch function ({@code at::globalContext().setUserEnabledNNPACK(false)}). Other
 * warnings and errors are untouched. NNPACK is never used for batch-1 inference anyway.
 */
public final class TorchModels {

    private static final Logger LOG = Logger.getLogger(TorchModels.class);
    private static volatile boolean prepared;

    private TorchModels() {
    }

    public static Model newModel(String name) {
        prepare();
        return Model.newInstance(name, Device.cpu(), "PyTorch");
    }

    /**
     * Loads the engine (idempotent) with one intra-op thread unless set otherwise, and switches
     * NNPACK off; true when the switch was found.
     */
    public static synchronized boolean prepare() {
        return prepare(1);
    }

    /**
     * As {@link #prepare()} with {@code intraOpThreads} PyTorch threads per inference. The engine
     * reads its thread properties once, when it starts, so only the first call's count counts:
     * {@link InferenceEngines} makes that the configured one.
     */
    public static synchronized boolean prepare(int intraOpThreads) {
        if (prepared) {
            return true;
        }
        setIfAbsent("ai.djl.offline", "true");
        setIfAbsent("ai.djl.pytorch.num_threads", Integer.toString(intraOpThreads));
        setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
        Engine.getEngine("PyTorch");
        prepared = true;
        Optional<Path> libtorch = loadedLibrary("libtorch_cpu.so");
        if (libtorch.isEmpty()) {
            LOG.debug("libtorch_cpu.so not found among the loaded libraries; NNPACK left as PyTorch set it");
            return false;
        }
        try {
            NativeLibrary lib = NativeLibrary.getInstance(libtorch.get().toString());
            Pointer context = (Pointer) lib.getFunction("_ZN2at13globalContextEv").invoke(Pointer.class, new Object[0]);
            Function setNnpack = lib.getFunction("_ZN2at7Context20setUserEnabledNNPACKEb");
            setNnpack.invoke(Void.class, new Object[] {context, Boolean.FALSE});
            return true;
        } catch (UnsatisfiedLinkError e) {
            LOG.warnf("could not switch NNPACK off (%s); PyTorch may log NNPACK warnings", e.getMessage());
            return false;
        }
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    /** Where the process mapped a native library from (Linux: /proc/self/maps). */
    private static Optional<Path> loadedLibrary(String fileName) {
        try {
            return Files.readAllLines(Path.of("/proc/self/maps")).stream()
                    .map(line -> line.indexOf('/') < 0 ? "" : line.substring(line.indexOf('/')))
                    .filter(path -> path.endsWith("/" + fileName))
                    .findFirst()
                    .map(Path::of);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
