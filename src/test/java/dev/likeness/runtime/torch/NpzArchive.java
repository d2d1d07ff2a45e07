package dev.likeness.runtime.torch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** Just enough of numpy's .npz/.npy to read float32, little-endian, C-order arrays as an oracle. */
final class NpzArchive {

    private static final Pattern DESCR = Pattern.compile("'descr':\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order':\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\(([^)]*)\\)");

    private NpzArchive() {
    }

    static Map<String, LegacyTorchCheckpoint.Tensor> read(Path npz) throws IOException {
        Map<String, LegacyTorchCheckpoint.Tensor> out = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(npz))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                String name = entry.getName();
                if (!name.endsWith(".npy")) {
                    throw new IOException("unexpected npz member " + name);
                }
                out.put(name.substring(0, name.length() - 4), npy(zip, name));
            }
        }
        return out;
    }

    private static LegacyTorchCheckpoint.Tensor npy(InputStream in, String name) throws IOException {
        byte[] bytes = in.readAllBytes();
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        byte[] magic = new byte[6];
        buffer.get(magic);
        if (!new String(magic, StandardCharsets.ISO_8859_1).equals("\u0093NUMPY")) {
            throw new IOException(name + ": not an .npy");
        }
        int major = buffer.get();
        buffer.get(); // minor
        int headerLength = major == 1 ? buffer.getShort() & 0xffff : buffer.getInt();
        byte[] headerBytes = new byte[headerLength];
        buffer.get(headerBytes);
        String header = new String(headerBytes, StandardCharsets.ISO_8859_1);

        String descr = group(DESCR, header, name);
        if (!descr.equals("<f4")) {
            throw new IOException(name + ": dtype " + descr + ", expected <f4");
        }
        if (!group(FORTRAN, header, name).equals("False")) {
            throw new IOException(name + ": Fortran order");
        }
        List<Long> dims = new ArrayList<>();
        for (String dim : group(SHAPE, header, name).split(",")) {
            if (!dim.isBlank()) {
                dims.add(Long.parseLong(dim.trim()));
            }
        }
        long[] shape = dims.stream().mapToLong(Long::longValue).toArray();
        long count = 1;
        for (long dim : shape) {
            count *= dim;
        }
        if (buffer.remaining() != count * Float.BYTES) {
            throw new IOException(name + ": " + buffer.remaining() + " data bytes for " + count + " floats");
        }
        float[] data = new float[(int) count];
        buffer.asFloatBuffer().get(data);
        return new LegacyTorchCheckpoint.Tensor(shape, data);
    }

    private static String group(Pattern pattern, String header, String name) throws IOException {
        Matcher matcher = pattern.matcher(header);
        if (!matcher.find()) {
            throw new IOException(name + ": header lacks " + pattern);
        }
        return matcher.group(1);
    }
}
