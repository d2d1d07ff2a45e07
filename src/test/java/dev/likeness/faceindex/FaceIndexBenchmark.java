package dev.likeness.faceindex;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.likeness.face.FaceModelPack;
import dev.likeness.face.ScoreCalibration;
import dev.likeness.media.MediaCipher;
import dev.likeness.media.MediaConfig;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;

import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

/**
 * Search latency, memory and load time of one pod's face index, on synthetic unit descriptors of
 * the v3 recogniser's size (512). Random descriptors are as costly to scan as real ones: search is
 * exact, every row is compared.
 *
 * <pre>./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.likeness.faceindex.FaceIndexBenchmark</pre>
 *
 * Load time is measured from PostgreSQL (decrypting every descriptor, as a pod does) for 10k and
 * 100k faces, in the schema {@code likeness_bench_index} (dropped and recreated; database from
 * LIKENESS_DB_HOST/PORT/NAME, default 127.0.0.1:5432/postgres).
 */
public final class FaceIndexBenchmark {

    private static final int DIMENSION = 512;
    private static final int QUERIES = 200;
    private static final String SCHEMA = "likeness_bench_index";

    private FaceIndexBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        ScoreCalibration calibration = ScoreCalibration.load(FaceModelPack.V3.calibration(), new ObjectMapper());
        double floor = calibration.similarityAt(80);
        System.out.printf(Locale.ROOT, "face index, %d-d descriptors, exact scan, floor = score 80 (similarity %.4f), %d queries%n",
                DIMENSION, floor, QUERIES);
        System.out.println("| faces | search p50 | p95 | descriptor memory | heap used by the gallery | fill from memory |");
        System.out.println("|---|---|---|---|---|---|");
        for (int n : new int[] {10_000, 100_000, 1_000_000}) {
            inMemory(n, floor);
        }
        System.out.println();
        System.out.println("| faces | load from PostgreSQL (read + decrypt + fill) |");
        System.out.println("|---|---|");
        for (int n : new int[] {10_000, 100_000}) {
            fromDatabase(n);
        }
    }

    private static void inMemory(int n, double floor) {
        Random random = new Random(n);
        long before = usedHeap();
        long fillNanos = 0;
        FaceGallery gallery = new FaceGallery();
        for (int i = 0; i < n; i++) {
            IndexedFace face = new IndexedFace(new UUID(random.nextLong(), i), "user-" + i, FaceSource.LIVENESS, true, false, false);
            float[] descriptor = unit(random);
            long t = System.nanoTime();
            gallery.put(face, descriptor);
            fillNanos += System.nanoTime() - t;
        }
        long fillMillis = fillNanos / 1_000_000;
        long heap = usedHeap() - before;
        for (int i = 0; i < 20; i++) {
            gallery.search(unit(random), floor, face -> true);
        }
        double[] millis = new double[QUERIES];
        for (int i = 0; i < QUERIES; i++) {
            float[] query = unit(random);
            long t = System.nanoTime();
            gallery.search(query, floor, face -> !face.ownedBy("someone"));
            millis[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(millis);
        System.out.printf(Locale.ROOT, "| %,d | %.1f ms | %.1f ms | %,d MB | %,d MB | %,d ms |%n", n, millis[QUERIES / 2],
                millis[(int) (QUERIES * 0.95)], gallery.descriptorBytes() >> 20, heap >> 20, fillMillis);
    }

    private static void fromDatabase(int n) throws Exception {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl("jdbc:postgresql://" + env("LIKENESS_DB_HOST", "127.0.0.1") + ":" + env("LIKENESS_DB_PORT", "5432")
                + "/" + env("LIKENESS_DB_NAME", "postgres") + "?currentSchema=" + SCHEMA + "&reWriteBatchedInserts=true");
        dataSource.setUser(env("LIKENESS_DB_USER", "postgres"));
        dataSource.setPassword(env("LIKENESS_DB_PASSWORD", ""));
        Flyway flyway = Flyway.configure().dataSource(dataSource).schemas(SCHEMA).cleanDisabled(false)
                .locations("classpath:db/migration").load();
        flyway.clean();
        flyway.migrate();

        MediaCipher cipher = new MediaCipher(benchMediaConfig());
        UUID application = UUID.randomUUID();
        Random random = new Random(n);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("""
                    insert into face_template (id, application_id, vendor_data, source, approved, model_version, key_id,
                                               nonce, embedding, created_at)
                    values (?, ?, ?, 'liveness', true, 'face-match-v3.2', ?, ?, ?, ?)""")) {
                for (int i = 0; i < n; i++) {
                    UUID id = UUID.randomUUID();
                    MediaCipher.Sealed sealed = cipher.seal(bytes(unit(random)), id.toString());
                    s.setObject(1, id);
                    s.setObject(2, application);
                    s.setString(3, "user-" + i);
                    s.setString(4, sealed.keyId());
                    s.setBytes(5, sealed.nonce());
                    s.setBytes(6, sealed.ciphertext());
                    s.setObject(7, OffsetDateTime.now());
                    s.addBatch();
                    if (i % 2000 == 1999) {
                        s.executeBatch();
                    }
                }
                s.executeBatch();
            }
            c.commit();
        }
        GalleryRows rows = new GalleryRows(dataSource, cipher);
        FaceGallery gallery = new FaceGallery();
        long started = System.nanoTime();
        rows.read(application, null, row -> gallery.put(row.face(), row.descriptor()));
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf(Locale.ROOT, "| %,d | %,d ms (%,d faces loaded) |%n", n, millis, gallery.size());
        flyway.clean();
    }

    private static MediaConfig benchMediaConfig() {
        String key = Base64.getEncoder().encodeToString("bench-only-media-key-not-secret!".getBytes());
        return (MediaConfig) Proxy.newProxyInstance(MediaConfig.class.getClassLoader(), new Class<?>[] {MediaConfig.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "encryptionKey" -> key;
                    case "encryptionKeyId" -> "bench";
                    case "previousKeys" -> Map.of();
                    case "directory" -> Optional.empty();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static float[] unit(Random random) {
        float[] v = new float[DIMENSION];
        double norm = 0;
        for (int i = 0; i < DIMENSION; i++) {
            v[i] = (float) random.nextGaussian();
            norm += v[i] * v[i];
        }
        float k = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < DIMENSION; i++) {
            v[i] *= k;
        }
        return v;
    }

    private static byte[] bytes(float[] v) {
        ByteBuffer buffer = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float x : v) {
            buffer.putFloat(x);
        }
        return buffer.array();
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
