// Camera access and cheap, in-page frame checks. Nothing here leaves the device except the still
// frame the user chooses to send.
export class CameraError extends Error {
  /** kind: denied | missing | insecure | failed */
  constructor(kind, cause) {
    super(`camera ${kind}`);
    this.kind = kind;
    this.cause = cause;
  }
}

export async function openCamera(facing) {
  if (!window.isSecureContext || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
    throw new CameraError('insecure');
  }
  try {
    return await navigator.mediaDevices.getUserMedia({
      audio: false,
      video: { facingMode: { ideal: facing }, width: { ideal: 1280 }, height: { ideal: 960 } },
    });
  } catch (e) {
    const name = e && e.name;
    if (name === 'NotAllowedError' || name === 'SecurityError' || name === 'PermissionDeniedError') {
      throw new CameraError('denied', e);
    }
    if (['NotFoundError', 'OverconstrainedError', 'DevicesNotFoundError', 'NotReadableError', 'TrackStartError'].includes(name)) {
      throw new CameraError('missing', e);
    }
    throw new CameraError('failed', e);
  }
}

export function stopCamera(stream) {
  if (stream) stream.getTracks().forEach((track) => track.stop());
}

/** Resolves once the video shows frames. */
export async function attach(video, stream) {
  video.muted = true;
  video.playsInline = true;
  video.srcObject = stream;
  if (video.readyState < 2) {
    await new Promise((resolve) => video.addEventListener('loadeddata', resolve, { once: true }));
  }
  await video.play().catch(() => { /* autoplay of a muted stream is allowed; ignore a race with pause */ });
}

/** The current frame, unmirrored, as a JPEG (longest side at most maxSide). */
export function grabJpeg(video, maxSide = 1280, quality = 0.92) {
  const scale = Math.min(1, maxSide / Math.max(video.videoWidth, video.videoHeight));
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(video.videoWidth * scale);
  canvas.height = Math.round(video.videoHeight * scale);
  canvas.getContext('2d').drawImage(video, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) => canvas.toBlob(
    (blob) => (blob ? resolve(blob) : reject(new Error('could not encode the frame'))), 'image/jpeg', quality));
}

const probe = document.createElement('canvas');
probe.width = 48;
probe.height = 64;

/** Mean Rec. 601 luma (0–255) of the centre of the frame, where the face guide is. */
export function centreLuma(video) {
  if (!video.videoWidth) return null;
  const ctx = probe.getContext('2d', { willReadFrequently: true });
  const sw = video.videoWidth * 0.5;
  const sh = video.videoHeight * 0.6;
  ctx.drawImage(video, (video.videoWidth - sw) / 2, (video.videoHeight - sh) / 2, sw, sh, 0, 0, probe.width, probe.height);
  const { data } = ctx.getImageData(0, 0, probe.width, probe.height);
  let sum = 0;
  for (let i = 0; i < data.length; i += 4) sum += 0.299 * data[i] + 0.587 * data[i + 1] + 0.114 * data[i + 2];
  return sum / (data.length / 4);
}

let detector;

/**
 * Faces in the frame via the browser's built-in FaceDetector where it exists (Chrome on Android and
 * macOS with the shape-detection feature); null elsewhere, and the server's reasons guide instead.
 */
export async function faceCount(video) {
  if (!('FaceDetector' in window)) return null;
  try {
    detector = detector || new window.FaceDetector({ fastMode: true, maxDetectedFaces: 3 });
    const faces = await detector.detect(video);
    const largest = faces.reduce((max, f) => Math.max(max, f.boundingBox.width / video.videoWidth), 0);
    return { count: faces.length, widthRatio: largest };
  } catch {
    return null;
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Records a burst from the video: evenly spaced frames, unmirrored, downscaled to at most maxWidth
 * and JPEG-encoded, each with the client time (ms, strictly increasing) it was taken. onTick(elapsedMs)
 * runs before each frame so the caller can change its prompt. Frames over the limits are left out.
 */
export async function recordBurst(video, { durationMs, fps = 10, maxWidth = 640, quality = 0.8, limits, onTick }) {
  const count = Math.max(1, Math.min(limits.max_count, Math.ceil((durationMs * fps) / 1000)));
  const interval = durationMs / count;
  const scale = Math.min(1, maxWidth / video.videoWidth);
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(video.videoWidth * scale);
  canvas.height = Math.round(video.videoHeight * scale);
  const context = canvas.getContext('2d');
  const encoded = [];
  const start = performance.now();
  let last = 0;
  for (let i = 0; i < count; i++) {
    const wait = start + i * interval - performance.now();
    if (wait > 0) await sleep(wait);
    if (onTick) onTick(performance.now() - start);
    context.drawImage(video, 0, 0, canvas.width, canvas.height);
    const at = Math.max(last + 1, Math.round(performance.timeOrigin + performance.now()));
    last = at;
    // toBlob copies the canvas when called, so the canvas can take the next frame at once.
    encoded.push(new Promise((resolve) => canvas.toBlob((blob) => resolve(blob && { blob, at }), 'image/jpeg', quality)));
  }
  const remaining = start + durationMs - performance.now();
  if (remaining > 0) await sleep(remaining);
  const frames = [];
  let total = 0;
  for (const frame of await Promise.all(encoded)) {
    if (!frame || frame.blob.size > limits.max_frame_bytes) continue;
    if (total + frame.blob.size > limits.max_total_bytes) break;
    total += frame.blob.size;
    frames.push(frame);
  }
  return frames;
}
