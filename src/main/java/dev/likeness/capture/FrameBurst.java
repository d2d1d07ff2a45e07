package dev.likeness.capture;

import dev.likeness.common.FieldValidationException;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * The frames of an active-liveness burst with their client timestamps, checked against the limits
 * (count, bytes per frame, bytes in all) before any byte is read or decoded.
 *
 * @param frames encoded frames in capture order
 * @param timestamps client clock in milliseconds, strictly increasing, one per frame
 */
record FrameBurst(List<byte[]> frames, long[] timestamps) {

    static FrameBurst read(List<FileUpload> uploads, String timestampField) {
        if (uploads == null || uploads.isEmpty()) {
            throw new FieldValidationException("frames", "No frames were submitted.");
        }
        if (uploads.size() < ChallengeStep.MIN_FRAMES || uploads.size() > ChallengeStep.MAX_FRAMES) {
            throw new FieldValidationException("frames", "Send between " + ChallengeStep.MIN_FRAMES + " and "
                    + ChallengeStep.MAX_FRAMES + " frames; got " + uploads.size() + ".");
        }
        long total = 0;
        for (int i = 0; i < uploads.size(); i++) {
            FileUpload upload = uploads.get(i);
            if (upload.uploadedFile() == null || upload.size() == 0) {
                throw new FieldValidationException("frames", "Frame " + (i + 1) + " is empty.");
            }
            if (upload.size() > ChallengeStep.MAX_FRAME_BYTES) {
                throw new FieldValidationException("frames", "Frame " + (i + 1) + " is larger than "
                        + ChallengeStep.MAX_FRAME_BYTES / 1024 + " KB.");
            }
            total += upload.size();
        }
        if (total > ChallengeStep.MAX_TOTAL_BYTES) {
            throw new FieldValidationException("frames", "The frames together must be "
                    + ChallengeStep.MAX_TOTAL_BYTES / (1024 * 1024) + " MB or smaller.");
        }
        long[] timestamps = timestamps(timestampField, uploads.size());
        List<byte[]> frames = new ArrayList<>(uploads.size());
        for (FileUpload upload : uploads) {
            try {
                frames.add(Files.readAllBytes(upload.uploadedFile()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new FrameBurst(frames, timestamps);
    }

    private static long[] timestamps(String field, int count) {
        if (field == null || field.isBlank()) {
            throw new FieldValidationException("timestamps", "Send one capture time (milliseconds) per frame, comma-separated.");
        }
        String[] parts = field.split(",");
        if (parts.length != count) {
            throw new FieldValidationException("timestamps", "Got " + parts.length + " timestamps for " + count + " frames.");
        }
        long[] out = new long[count];
        for (int i = 0; i < count; i++) {
            try {
                out[i] = Long.parseLong(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new FieldValidationException("timestamps", "Timestamp " + (i + 1) + " is not a whole number of milliseconds.");
            }
            if (i > 0 && out[i] <= out[i - 1]) {
                throw new FieldValidationException("timestamps", "Timestamps must increase from frame to frame.");
            }
        }
        long span = out[count - 1] - out[0];
        if (span < ChallengeStep.MIN_DURATION_MS || span > ChallengeStep.LIFETIME.toMillis()) {
            throw new FieldValidationException("timestamps", "The frames must span between " + ChallengeStep.MIN_DURATION_MS
                    + " ms and " + ChallengeStep.LIFETIME.toMillis() + " ms; they span " + span + " ms.");
        }
        return out;
    }
}
