package dev.likeness.evaluation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The development split in {@code ../shared/eval}: face photos named {@code identity__n.ext}, the
 * listed pairs, and the spoof samples. Read at run time, never copied into the project.
 */
public final class EvalSet {

    /** A face photo and whose face it is. */
    public record Photo(String path, String identity) {
        public Path file() {
            return dir().resolve(path);
        }
    }

    /** A listed pair from pairs.csv. */
    public record Pair(String a, String b, boolean same) {
    }

    /** A spoof.csv row: {@code label} is real or fake; {@code variant} full_frame or tight_crop. */
    public record SpoofSample(String path, String label, String attack, String variant) {
        public Path file() {
            return dir().resolve(path);
        }

        public boolean live() {
            return "real".equals(label);
        }
    }

    private EvalSet() {
    }

    public static Path dir() {
        return Path.of(System.getProperty("likeness.shared.dir", "../shared")).resolve("eval");
    }

    /**
     * Every face photo with its identity: the press, stock and TV photos of {@code faces/}, plus the
     * live webcam frames of the spoof set (one identity per NUAA subject), which bring low-resolution
     * camera captures of similar-looking people — the hard impostors a selfie check meets.
     */
    public static List<Photo> photos() {
        List<Photo> photos = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir().resolve("faces"))) {
            files.map(f -> f.getFileName().toString()).sorted()
                    .map(name -> new Photo("faces/" + name, name.substring(0, name.indexOf("__"))))
                    .forEach(photos::add);
        } catch (IOException e) {
            throw new UncheckedIOException("the evaluation photos are read from " + dir(), e);
        }
        spoofSamples().stream()
                .filter(s -> s.live() && "full_frame".equals(s.variant()) && s.path().contains("nuaa_raw_"))
                .map(s -> new Photo(s.path(), s.path().replaceAll(".*/(nuaa_raw_\\d+)__.*", "$1")))
                .forEach(photos::add);
        return photos;
    }

    public static List<Pair> listedPairs() {
        List<Pair> pairs = new ArrayList<>();
        for (String[] row : csv("pairs.csv")) {
            pairs.add(new Pair(row[0], row[1], "1".equals(row[2])));
        }
        return pairs;
    }

    public static List<SpoofSample> spoofSamples() {
        List<SpoofSample> samples = new ArrayList<>();
        for (String[] row : csv("spoof.csv")) {
            samples.add(new SpoofSample(row[0], row[1], row[2], row[3]));
        }
        return samples;
    }

    public static byte[] bytes(String path) {
        try {
            return Files.readAllBytes(dir().resolve(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String[]> csv(String name) {
        try {
            List<String> lines = Files.readAllLines(dir().resolve(name));
            return lines.stream().skip(1).filter(l -> !l.isBlank()).map(l -> l.split(",")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
