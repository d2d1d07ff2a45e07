/**
 * Uploaded images in: format detection from magic bytes, size and pixel limits checked before
 * decoding, EXIF orientation applied, every layout normalised to 8-bit RGB.
 *
 * <p>Entry points: {@link dev.likeness.media.ImageDecoder} for bytes (multipart files),
 * {@link dev.likeness.media.Base64ImagePayload} for the {@code portrait_image} field, limits from
 * {@link dev.likeness.media.MediaConfig}. Refusals are
 * {@link dev.likeness.media.InvalidImageException}s whose message is meant for the API client.
 */
package dev.likeness.media;
