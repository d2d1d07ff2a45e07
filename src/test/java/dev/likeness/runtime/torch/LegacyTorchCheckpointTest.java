package dev.likeness.runtime.torch;

import dev.likeness.NeedsSharedData;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.likeness.runtime.torch.LegacyTorchCheckpoint.Tensor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The upstream MiniFASNet checkpoints against their npz exports (same tensors, written by numpy
 * from torch), plus hostile and unusual files.
 */
class LegacyTorchCheckpointTest {

    private static final String V2 = "2.7_80x80_MiniFASNetV2.pth";
    private static final String V1SE = "4_0_0_80x80_MiniFASNetV1SE.pth";
    /** The published MiniFASNet files (Silent-Face-Anti-Spoofing b6d5f04), the checkpoints this reader was written for. */
    private static final Map<String, String> PUBLISHED = Map.of(
            V2, "a5eb02e1843f19b5386b953cc4c9f011c3f985d0ee2bb9819eea9a142099bec0",
            V1SE, "84ee1d37d96894d5e82de5a57df044ef80a58be2b218b5ed7cdfd875ec2f5990");

    @TempDir
    Path tmp;

    private static Path minifasnet(String file) {
        Path dir = Path.of(System.getProperty("likeness.shared.dir", "../shared")).resolve("models/minifasnet");
        return dir.resolve(file);
    }

    @NeedsSharedData
    @Test
    void miniFasNetV2MatchesNpzBitForBit() throws IOException {
        assertMatchesNpz(minifasnet(V2), minifasnet("MiniFASNetV2_2.7.npz"));
    }

    @NeedsSharedData
    @Test
    void miniFasNetV1SeMatchesNpzBitForBit() throws IOException {
        assertMatchesNpz(minifasnet(V1SE), minifasnet("MiniFASNetV1SE_4.0.npz"));
    }

    private static void assertMatchesNpz(Path pth, Path npz) throws IOException {
        Map<String, Tensor> actual = LegacyTorchCheckpoint.read(pth);
        Map<String, Tensor> expected = NpzArchive.read(npz);

        assertEquals(expected.keySet(), actual.keySet(), "tensor names");
        long elements = 0;
        for (Map.Entry<String, Tensor> entry : expected.entrySet()) {
            String name = entry.getKey();
            Tensor want = entry.getValue();
            Tensor got = actual.get(name);
            assertArrayEquals(want.shape(), got.shape(), name + " shape");
            assertEquals(want.data().length, got.data().length, name + " length");
            for (int i = 0; i < want.data().length; i++) {
                if (Float.floatToRawIntBits(want.data()[i]) != Float.floatToRawIntBits(got.data()[i])) {
                    throw new AssertionError(name + "[" + i + "]: " + got.data()[i] + " != " + want.data()[i]);
                }
            }
            elements += got.data().length;
        }
        System.out.printf("%s: %d tensors, %d floats, bit-identical to %s%n",
                pth.getFileName(), actual.size(), elements, npz.getFileName());
    }

    @NeedsSharedData
    @Test
    void verifyAcceptsThePublishedFiles() {
        assertDoesNotThrow(() -> LegacyTorchCheckpoint.verify(minifasnet(V2), PUBLISHED));
        assertDoesNotThrow(() -> LegacyTorchCheckpoint.verify(minifasnet(V1SE), PUBLISHED));
    }

    @NeedsSharedData
    @Test
    void verifyNamesTheFileAndExpectedDigestOnMismatch() throws IOException {
        byte[] bytes = Files.readAllBytes(minifasnet(V2));
        bytes[bytes.length - 1] ^= 1;
        Path altered = Files.write(tmp.resolve(V2), bytes);

        IOException e = assertThrows(IOException.class, () -> LegacyTorchCheckpoint.verify(altered, PUBLISHED));
        assertTrue(e.getMessage().contains(V2), e.getMessage());
        assertTrue(e.getMessage().contains(PUBLISHED.get(V2)), e.getMessage());
    }

    @NeedsSharedData
    @Test
    void verifyRejectsUnknownFileNames() throws IOException {
        Path renamed = Files.copy(minifasnet(V2), tmp.resolve("weights.pth"));
        IOException e = assertThrows(IOException.class, () -> LegacyTorchCheckpoint.verify(renamed, PUBLISHED));
        assertTrue(e.getMessage().contains("weights.pth"), e.getMessage());
    }

    @NeedsSharedData
    @Test
    void rejectsTruncatedFiles() throws IOException {
        byte[] bytes = Files.readAllBytes(minifasnet(V2));
        // Empty, inside the header pickles, inside the state dict, inside the key list, inside the data.
        for (int length : List.of(0, 1, 15, 100, 30_000, 60_000, 66_669, 66_680, bytes.length / 2, bytes.length - 1)) {
            Path cut = Files.write(tmp.resolve("cut-" + length + ".pth"), Arrays.copyOf(bytes, length));
            IOException e = assertThrows(IOException.class, () -> LegacyTorchCheckpoint.read(cut), "length " + length);
            System.out.println("truncated at " + length + ": " + e.getMessage());
        }
    }

    @NeedsSharedData
    @Test
    void rejectsTrailingBytes() throws IOException {
        byte[] bytes = Files.readAllBytes(minifasnet(V2));
        Path longer = Files.write(tmp.resolve("longer.pth"), Arrays.copyOf(bytes, bytes.length + 4));
        assertThrows(IOException.class, () -> LegacyTorchCheckpoint.read(longer));
    }

    @Test
    void rejectsGlobalsOutsideTheWhitelist() throws IOException {
        Path evil = withReplaced(V2, "torch._utils\n_rebuild_tensor_v2\n", "os\nsystem\n", "evil.pth");
        IOException e = assertThrows(IOException.class, () -> LegacyTorchCheckpoint.read(evil));
        assertTrue(e.getMessage().contains("os.system"), e.getMessage());

        // The same in the first pickle, where only plain data is expected.
        Path header = Files.write(tmp.resolve("header.pth"),
                "\u0080\u0002cbuiltins\neval\n.".getBytes(StandardCharsets.ISO_8859_1));
        e = assertThrows(IOException.class, () -> LegacyTorchCheckpoint.read(header));
        assertTrue(e.getMessage().contains("builtins.eval"), e.getMessage());
    }

    @Test
    void rejectsNonFloatStorages() throws IOException {
        Path doubles = withReplaced(V2, "torch\nFloatStorage\n", "torch\nDoubleStorage\n", "double.pth");
        IOException e = assertThrows(IOException.class, () -> LegacyTorchCheckpoint.read(doubles));
        assertTrue(e.getMessage().contains("DoubleStorage"), e.getMessage());
    }

    @Test
    void rejectsPicklesThatAllocateWithoutBound() throws IOException {
        // One byte per empty dict: small on disk, gigabytes in memory if left unbounded.
        byte[] bytes = new byte[PickleMachine.MAX_VALUES + 3];
        Arrays.fill(bytes, (byte) '}');
        bytes[0] = (byte) 0x80;
        bytes[1] = 2;
        Path bomb = Files.write(tmp.resolve("bomb.pth"), bytes);
        IOException e = assertThrows(IOException.class, () -> LegacyTorchCheckpoint.read(bomb));
        assertTrue(e.getMessage().contains("values"), e.getMessage());
    }

    @Test
    void rejectsZipFormatCheckpoints() throws IOException {
        Path zip = Files.write(tmp.resolve("new.pth"), new byte[] {'P', 'K', 3, 4, 0, 0});
        IOException e = assertThrows(IOException.class, () -> LegacyTorchCheckpoint.read(zip));
        assertTrue(e.getMessage().contains("zip"), e.getMessage());
    }

    @Test
    void materialisesOffsetsStridesViewsAndSharedStorages() throws IOException {
        float[] counting = new float[12];
        for (int i = 0; i < counting.length; i++) {
            counting[i] = i;
        }
        byte[] file = new LegacyCheckpointWriter()
                .floatStorage("s", counting)
                .longStorage("n", 7)
                .tensor("module.rows", "s", 6, new long[] {2, 3}, new long[] {3, 1})
                .tensor("module.transposed", "s", 0, new long[] {3, 2}, new long[] {1, 3})
                .tensor("module.expanded", "s", 1, new long[] {2, 2}, new long[] {0, 1})
                .tensor("module.scalar", "s", 5, new long[] {}, new long[] {})
                .tensor("module.empty", "s", 0, new long[] {0, 4}, new long[] {4, 1})
                .viewTensor("module.viewed", "s", new long[] {4, 4}, 1, new long[] {3}, new long[] {1})
                .tensor("module.bn.num_batches_tracked", "n", 0, new long[] {}, new long[] {})
                .write();

        Map<String, Tensor> tensors = LegacyTorchCheckpoint.read(Files.write(tmp.resolve("layouts.pth"), file));

        assertEquals(List.of("rows", "transposed", "expanded", "scalar", "empty", "viewed"),
                List.copyOf(tensors.keySet()));
        assertEquals(new Tensor(new long[] {2, 3}, new float[] {6, 7, 8, 9, 10, 11}), tensors.get("rows"));
        assertEquals(new Tensor(new long[] {3, 2}, new float[] {0, 3, 1, 4, 2, 5}), tensors.get("transposed"));
        assertEquals(new Tensor(new long[] {2, 2}, new float[] {1, 2, 1, 2}), tensors.get("expanded"));
        assertEquals(new Tensor(new long[] {}, new float[] {5}), tensors.get("scalar"));
        assertEquals(new Tensor(new long[] {0, 4}, new float[] {}), tensors.get("empty"));
        assertEquals(new Tensor(new long[] {3}, new float[] {5, 6, 7}), tensors.get("viewed"));
    }

    @Test
    void rejectsTensorsReachingPastTheirStorage() throws IOException {
        byte[] file = new LegacyCheckpointWriter()
                .floatStorage("s", new float[12])
                .tensor("w", "s", 0, new long[] {3}, new long[] {6})
                .write();
        Path path = Files.write(tmp.resolve("past-end.pth"), file);
        IOException e = assertThrows(IOException.class, () -> LegacyTorchCheckpoint.read(path));
        assertTrue(e.getMessage().contains("reaches element 12"), e.getMessage());
    }

    @NeedsSharedData
    @Test
    void rejectsInt64TensorsThatAreKept() throws IOException {
        byte[] file = new LegacyCheckpointWriter()
                .longStorage("n", 1, 2)
                .tensor("ids", "n", 0, new long[] {2}, new long[] {1})
                .write();
        Path path = Files.write(tmp.resolve("ints.pth"), file);
        IOException e = assertThrows(IOException.class, () -> LegacyTorchCheckpoint.read(path));
        assertTrue(e.getMessage().contains("only float32"), e.getMessage());
    }

    private Path withReplaced(String source, String from, String to, String name) throws IOException {
        byte[] bytes = Files.readAllBytes(minifasnet(source));
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int at = text.indexOf(from);
        assertTrue(at >= 0, from + " not found in " + source);
        String replaced = text.substring(0, at) + to + text.substring(at + from.length());
        return Files.write(tmp.resolve(name), replaced.getBytes(StandardCharsets.ISO_8859_1));
    }
}
