package dev.likeness.bench;

import ai.djl.modality.cv.ImageFactory;
import dev.likeness.face.FaceModelPack;
import dev.likeness.evaluation.EngineOutsideQuarkus;
import dev.likeness.evaluation.EvalDescriptors;
import dev.likeness.evaluation.EvalSet;
import dev.likeness.evaluation.ScoreSeparation;
import dev.likeness.face.AnalysisOptions;
import dev.likeness.face.FaceAnalysis;
import dev.likeness.face.ScoreCalibration;
import dev.likeness.liveness.FrLivenessScorer;
import dev.likeness.liveness.MiniFasNetScorer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The face benchmark on ../shared/eval. Accuracy runs the service's own pipeline in this JVM;
 * latency, throughput and memory are measured on a running service over HTTP — one it starts from
 * the packaged jar (dev profile, local PostgreSQL), or the one at {@code -Dbench.url}.
 *
 * <pre>
 * ./mvnw -q package -DskipTests
 * ./mvnw -q exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.likeness.bench.FaceBenchmark
 * </pre>
 */
public final class FaceBenchmark {

    private static final String DEV_KEY = "sk_test_likeness-dev-key-00000000000000000000000000";

    private FaceBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        for (FaceModelPack pack : FaceModelPack.values()) {
            accuracy(pack);
        }
        liveness();
        String url = System.getProperty("bench.url");
        Process service = null;
        if (url == null) {
            int port = Integer.getInteger("bench.port", 18080);
            service = startService(port);
            url = "http://127.0.0.1:" + port;
        }
        try {
            latency(url, System.getProperty("bench.key", DEV_KEY), service);
        } finally {
            if (service != null) {
                service.destroy();
                service.waitFor();
            }
        }
    }

    private static void accuracy(FaceModelPack pack) {
        EngineOutsideQuarkus pipeline = EngineOutsideQuarkus.shipped(pack);
        ScoreCalibration calibration = pipeline.matcher.calibration();
        ScoreSeparation separation = EvalDescriptors.allPairsOfEmbeddings(pipeline);
        pipeline.models.close();
        double[] genuine = separation.positives();
        double[] impostor = separation.negatives();
        System.out.printf(Locale.ROOT, "%n== Face match accuracy, pack %s (%s, %d genuine / %d impostor pairs)%n",
                pack.name().toLowerCase(Locale.ROOT), calibration.modelVersion(), genuine.length, impostor.length);
        System.out.printf(Locale.ROOT, "AUC %.5f   TAR@FAR1e-2 %.2f%%   TAR@FAR1e-3 %.2f%%   TAR@FAR1e-4 %.2f%% (1e-4 is below one impostor pair: the strictest threshold that accepts none)%n",
                separation.auc(), 100 * separation.acceptRateAtFalseAcceptRate(1e-2),
                100 * separation.acceptRateAtFalseAcceptRate(1e-3), 100 * separation.acceptRateAtFalseAcceptRate(1e-4));
        System.out.println("| threshold | false-match rate | false-non-match rate |");
        System.out.println("| --- | --- | --- |");
        for (int threshold : new int[] {30, 50, 70}) {
            long fm = Arrays.stream(impostor).filter(s -> calibration.score(s) > threshold).count();
            long fnm = Arrays.stream(genuine).filter(s -> calibration.score(s) <= threshold).count();
            System.out.printf(Locale.ROOT, "| %d | %d / %d = %.3f%% | %d / %d = %.2f%% |%n", threshold, fm, impostor.length,
                    100.0 * fm / impostor.length, fnm, genuine.length, 100.0 * fnm / genuine.length);
        }
    }

    private static void liveness() throws IOException {
        EngineOutsideQuarkus pipeline = EngineOutsideQuarkus.shipped(FaceModelPack.V3);
        try (FrLivenessScorer frLiveness = FrLivenessScorer.load(Path.of(System.getProperty("likeness.models.dir",
                "target/models"), "faceplugin"))) {
            livenessTable(pipeline, "fr_liveness (default)", frLiveness::realScore);
        }
        Path weights = Path.of(System.getProperty("likeness.shared.dir", "../shared"), "models", "minifasnet");
        var miniFasNet = MiniFasNetScorer.loadIfInstalled(weights);
        if (miniFasNet.isPresent()) {
            try (MiniFasNetScorer scorer = miniFasNet.get()) {
                livenessTable(pipeline, "MiniFASNet (operator-installed)", scorer::realScore);
            }
        } else {
            System.out.println("\nMiniFASNet: no weights in " + weights + ", not measured");
        }
        pipeline.models.close();
    }

    private interface LiveScore {
        float of(ai.djl.modality.cv.Image image, dev.likeness.face.DetectedFace face);
    }

    private static void livenessTable(EngineOutsideQuarkus pipeline, String model, LiveScore scorer) {
        Map<String, List<double[]>> byVariant = new TreeMap<>();
        int noFace = 0;
        for (EvalSet.SpoofSample sample : EvalSet.spoofSamples()) {
            FaceAnalysis analysis = pipeline.engine.analyze(decode(pipeline, sample.path()), new AnalysisOptions(false, false, false));
            double score = analysis.subject()
                    .map(s -> 100.0 * scorer.of(ImageFactory.getInstance().fromImage(analysis.image()), s.face()))
                    .orElse(-1.0);
            if (score < 0) {
                noFace++;
                score = 0; // no face: declined like a failed liveness check
            }
            byVariant.computeIfAbsent(sample.variant(), k -> new ArrayList<>()).add(new double[] {sample.live() ? 1 : 0, score});
        }
        System.out.printf(Locale.ROOT, "%n== Passive liveness, %s, on the spoof set (%d samples without a detected face count as declined)%n",
                model, noFace);
        System.out.println("| variant | live / attacks | AUC | APCER / BPCER at 30 (standalone default) | at 50 (workflow decline) |");
        System.out.println("| --- | --- | --- | --- | --- |");
        for (var entry : byVariant.entrySet()) {
            double[] live = entry.getValue().stream().filter(r -> r[0] == 1).mapToDouble(r -> r[1]).toArray();
            double[] attacks = entry.getValue().stream().filter(r -> r[0] == 0).mapToDouble(r -> r[1]).toArray();
            ScoreSeparation s = new ScoreSeparation(live, attacks);
            System.out.printf(Locale.ROOT, "| %s | %d / %d | %.3f | %.1f%% / %.1f%% | %.1f%% / %.1f%% |%n", entry.getKey(),
                    live.length, attacks.length, s.auc(), 100 * accepted(attacks, 30), 100 * rejected(live, 30),
                    100 * accepted(attacks, 50), 100 * rejected(live, 50));
        }
    }

    /** Attacks approved: score strictly above the decline threshold. */
    private static double accepted(double[] attacks, double threshold) {
        return Arrays.stream(attacks).filter(a -> a > threshold).count() / (double) attacks.length;
    }

    private static double rejected(double[] live, double threshold) {
        return Arrays.stream(live).filter(l -> l <= threshold).count() / (double) live.length;
    }

    private static final int WARM_UP_REQUESTS = 1000;

    private static void latency(String url, String key, Process service) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        // Phone-size photos (1.3 MP each) of one person.
        byte[] a = EvalSet.bytes("faces/human_stock_emotions_a__2.jpg");
        byte[] b = EvalSet.bytes("faces/human_stock_emotions_a__3.jpg");
        System.out.printf(Locale.ROOT, "%n== /v3/face-match/ latency at %s (two real photos, %d + %d bytes, save_api_request=false)%n",
                url, a.length, b.length);
        // A running service has compiled its hot paths long ago: without a real warm-up the first
        // rows time the JIT (after 8 warm-up requests concurrency 1 measured 369 CPU ms per
        // verification; after 100 the JIT threads still took 23 ms of each, after 300 10 to 19, after
        // about 1,000 4).
        for (int i = 0; i < WARM_UP_REQUESTS; i++) {
            faceMatch(client, url, key, a, b);
        }
        System.out.println("| concurrency | requests | p50 ms | p95 ms | throughput req/s | service CPU ms per verification | of which GC / JIT |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- |");
        for (int concurrency : new int[] {1, 2, 4}) {
            int requests = 60 * concurrency;
            ExecutorService pool = Executors.newFixedThreadPool(concurrency);
            List<Future<Long>> futures = new ArrayList<>();
            long start = System.nanoTime();
            double cpuBefore = service == null ? Double.NaN : cpuMillis(service.pid());
            Map<String, Double> threadsBefore = service == null ? Map.of() : cpuByThreadKind(service.pid());
            for (int i = 0; i < requests; i++) {
                futures.add(pool.submit(() -> faceMatch(client, url, key, a, b)));
            }
            long[] millis = new long[requests];
            try {
                for (int i = 0; i < requests; i++) {
                    millis[i] = futures.get(i).get();
                }
            } finally {
                pool.shutdownNow(); // a failed request must end the run, not leave it waiting on the pool
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuPerRequest = service == null ? Double.NaN : (cpuMillis(service.pid()) - cpuBefore) / requests;
            Map<String, Double> threadsAfter = service == null ? Map.of() : cpuByThreadKind(service.pid());
            double gc = (threadsAfter.getOrDefault("GC", 0.0) - threadsBefore.getOrDefault("GC", 0.0)) / requests;
            double jit = (threadsAfter.getOrDefault("JIT", 0.0) - threadsBefore.getOrDefault("JIT", 0.0)) / requests;
            Arrays.sort(millis);
            System.out.printf(Locale.ROOT, "| %d | %d | %d | %d | %.2f | %.0f | %.0f / %.0f |%n", concurrency, requests, millis[requests / 2],
                    millis[(int) Math.ceil(requests * 0.95) - 1], requests / seconds, cpuPerRequest, gc, jit);
        }
        if (service != null) {
            Map<String, String> status = procStatus(service.pid());
            System.out.printf(Locale.ROOT, "%nService process %d: peak RSS (VmHWM) %s, current RSS %s%n", service.pid(),
                    status.get("VmHWM"), status.get("VmRSS"));
            hugePhotos(client, url, key, service);
        } else {
            System.out.println("\nPeak RSS: not measured (the service was started elsewhere; read VmHWM in /proc/<pid>/status).");
        }
    }

    /**
     * Eight clients at once, each sending two 49 MP photos (7,000 × 7,000, the largest the limits
     * admit): the service must keep its memory bounded (images are decoded inside the inference
     * slots, so queued requests hold only compressed bytes).
     */
    private static void hugePhotos(HttpClient client, String url, String key, Process service) throws Exception {
        byte[] a = upscaled(EvalSet.bytes("faces/human_stock_emotions_a__2.jpg"));
        byte[] b = upscaled(EvalSet.bytes("faces/human_stock_emotions_a__3.jpg"));
        System.out.printf(Locale.ROOT, "%n== 8 concurrent /v3/face-match/ with two 49 MP photos each (%d + %d bytes), 16 requests, heap %s%n",
                a.length, b.length, System.getProperty("bench.heap", "-Xmx1382m"));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> futures = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < 16; i++) {
            futures.add(pool.submit(() -> faceMatchStatus(client, url, key, a, b)));
        }
        Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        try {
            for (Future<Integer> future : futures) {
                statuses.merge(future.get(), 1, Integer::sum);
            }
        } finally {
            pool.shutdownNow();
        }
        Map<String, String> status = procStatus(service.pid());
        // 503 inference_busy is the designed answer when a request waits for a slot longer than the queue timeout.
        System.out.printf(Locale.ROOT, "answers by status %s in %.1f s; peak RSS (VmHWM) %s, current RSS %s%n", statuses,
                (System.nanoTime() - start) / 1e9, status.get("VmHWM"), status.get("VmRSS"));
    }

    private static int faceMatchStatus(HttpClient client, String url, String key, byte[] a, byte[] b) throws Exception {
        return client.send(faceMatchRequest(url, key, a, b, Duration.ofSeconds(120)), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    /** A phone photo blown up to 49 MP, as a JPEG under the 5 MB upload limit. */
    private static byte[] upscaled(byte[] photo) throws IOException {
        java.awt.image.BufferedImage source = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(photo));
        java.awt.image.BufferedImage big = new java.awt.image.BufferedImage(7000, 7000, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = big.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(source, 0, 0, 7000, 7000, null);
        g.dispose();
        for (float quality = 0.8f; ; quality -= 0.1f) {
            var writer = javax.imageio.ImageIO.getImageWritersByFormatName("jpeg").next();
            var params = writer.getDefaultWriteParam();
            params.setCompressionMode(javax.imageio.ImageWriteParam.MODE_EXPLICIT);
            params.setCompressionQuality(quality);
            var out = new java.io.ByteArrayOutputStream();
            try (var stream = javax.imageio.ImageIO.createImageOutputStream(out)) {
                writer.setOutput(stream);
                writer.write(null, new javax.imageio.IIOImage(big, null, null), params);
            }
            writer.dispose();
            if (out.size() < 5_000_000 || quality < 0.15f) {
                return out.toByteArray();
            }
        }
    }

    private static long faceMatch(HttpClient client, String url, String key, byte[] a, byte[] b) throws Exception {
        HttpRequest request = faceMatchRequest(url, key, a, b, Duration.ofSeconds(60));
        long start = System.nanoTime();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (response.statusCode() != 200) {
            throw new IllegalStateException("face-match answered " + response.statusCode() + ": " + response.body());
        }
        return millis;
    }

    private static HttpRequest faceMatchRequest(String url, String key, byte[] a, byte[] b, Duration timeout) {
        String boundary = "----likeness" + UUID.randomUUID();
        byte[] body = Multipart.of(boundary)
                .file("user_image", "a.jpg", "image/jpeg", a)
                .file("ref_image", "b.jpg", "image/jpeg", b)
                .field("save_api_request", "false")
                .build();
        return HttpRequest.newBuilder(URI.create(url + "/v3/face-match/"))
                .header("x-api-key", key)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    private static Process startService(int port) throws Exception {
        Path jar = Path.of("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("build the service first: ./mvnw package -DskipTests");
        }
        Path log = Files.createTempFile("likeness-bench", ".log");
        // The pod's JVM options (k8s/configmap.yaml: MaxRAMPercentage=45 of the 3 GiB limit), as a fixed heap
        // because outside a container the percentage would apply to the whole machine.
        String heap = System.getProperty("bench.heap", "-Xmx1382m");
        String regions = System.getProperty("bench.regions", "-XX:G1HeapRegionSize=16m");
        // As the pod's environment (k8s/configmap.yaml); -Dbench.glibc= (empty) runs glibc's defaults.
        String glibc = System.getProperty("bench.glibc", "glibc.malloc.mmap_threshold=33554432:glibc.malloc.trim_threshold=134217728");
        // Rate limits off: the phases send more than the 300 writes a minute a key may make.
        ProcessBuilder builder = new ProcessBuilder("java", heap, regions, "-XX:+ExitOnOutOfMemoryError", "-Dquarkus.profile=dev",
                "-Dquarkus.http.port=" + port, "-Dai.djl.offline=true", "-Dlikeness.rate-limit.enabled=false",
                "-jar", jar.toString());
        builder.environment().put("GLIBC_TUNABLES", glibc);
        Process process = builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            try {
                HttpResponse<String> ready = client.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/q/health/ready")).build(), HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    System.out.printf(Locale.ROOT, "%nStarted the service from %s (pid %d, log %s)%n", jar, process.pid(), log);
                    return process;
                }
            } catch (IOException notYet) {
                // still starting
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited; see " + log);
            }
            Thread.sleep(500);
        }
        process.destroy();
        throw new IllegalStateException("the service did not become ready in 120 s; see " + log);
    }

    /** User + system CPU time of a process so far (Linux /proc/<pid>/stat, clock ticks of 10 ms). */
    private static double cpuMillis(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10.0;
    }

    /**
     * CPU time so far of the process's garbage-collector and JIT-compiler threads (by their names
     * in /proc/<pid>/task/<tid>/comm), in ms: a heap that thrashes shows here, not in the models.
     */
    private static Map<String, Double> cpuByThreadKind(long pid) throws IOException {
        Map<String, Double> byKind = new HashMap<>();
        try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String name = Files.readString(task.resolve("comm")).trim();
                    String kind = name.startsWith("GC ") || name.startsWith("G1 ") ? "GC"
                            : name.startsWith("C1 ") || name.startsWith("C2 ") ? "JIT" : "other";
                    String stat = Files.readString(task.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    byKind.merge(kind, (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10.0, Double::sum);
                } catch (IOException exited) {
                    // a thread that ended between the listing and the read
                }
            }
        }
        return byKind;
    }

    private static Map<String, String> procStatus(long pid) throws IOException {
        Map<String, String> values = new HashMap<>();
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                values.put(line.substring(0, colon), line.substring(colon + 1).trim());
            }
        }
        return values;
    }

    private static java.awt.image.BufferedImage decode(EngineOutsideQuarkus pipeline, String path) {
        try {
            return pipeline.decoder.decode(EvalSet.bytes(path)).image();
        } catch (dev.likeness.media.InvalidImageException e) {
            throw new IllegalStateException(path, e);
        }
    }
}
