// Golden fixture for dev.likeness.face.embed.DlibFaceDescriptor: face-api's own FaceRecognitionNet
// forward pass (TF.js CPU backend) on a fixed, synthetic 150x150 RGB input.
//
//   npm install && node make-golden.cjs <dir with face_recognition_model-weights_manifest.json> <out dir>
//
// face-api.node-wasm.js is the CommonJS build that takes TF.js from @tensorflow/tfjs; the CPU
// backend is selected explicitly so no native or WebAssembly kernels are involved.
const fs = require('fs');
const path = require('path');
const faceapi = require('@vladmandic/face-api/dist/face-api.node-wasm.js');

const { tf } = faceapi;
const SIZE = 150;

function weightMap(dir) {
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'face_recognition_model-weights_manifest.json')));
  const data = Buffer.concat(manifest.flatMap((g) => g.paths.map((p) => fs.readFileSync(path.join(dir, p)))));
  const buffer = data.buffer.slice(data.byteOffset, data.byteOffset + data.length);
  return tf.io.decodeWeights(buffer, manifest.flatMap((g) => g.weights));
}

// A face-free but face-shaped test card: skin-toned ellipse, darker eye and mouth blobs, a
// background gradient and seeded noise, so every layer sees varied, realistic-range values.
function syntheticInput() {
  let seed = 20240611;
  const random = () => {
    seed = (seed * 1664525 + 1013904223) >>> 0;
    return seed / 4294967296;
  };
  const pixels = new Uint8Array(SIZE * SIZE * 3);
  const blob = (x, y, cx, cy, rx, ry) => ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 < 1;
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      let rgb = [60 + x * 0.6, 80 + y * 0.4, 120 - x * 0.3];
      if (blob(x, y, 75, 80, 48, 62)) rgb = [205 - y * 0.3, 160 - y * 0.25, 135 - y * 0.2];
      if (blob(x, y, 55, 65, 10, 5) || blob(x, y, 95, 65, 10, 5)) rgb = [45, 35, 30];
      if (blob(x, y, 75, 112, 18, 6)) rgb = [150, 70, 70];
      for (let c = 0; c < 3; c++) {
        const noisy = Math.round(rgb[c] + (random() - 0.5) * 24);
        pixels[(y * SIZE + x) * 3 + c] = Math.max(0, Math.min(255, noisy));
      }
    }
  }
  return pixels;
}

(async () => {
  const [modelDir, outDir] = process.argv.slice(2);
  await tf.setBackend('cpu');
  await tf.ready();
  faceapi.nets.faceRecognitionNet.loadFromWeightMap(weightMap(modelDir));
  const pixels = syntheticInput();
  const input = tf.tensor3d(pixels, [SIZE, SIZE, 3], 'int32');
  const descriptor = await faceapi.nets.faceRecognitionNet.computeFaceDescriptor(input);
  input.dispose();
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, 'input-150x150.rgb'), pixels);
  fs.writeFileSync(path.join(outDir, 'expected.json'), `${JSON.stringify({
    input: 'input-150x150.rgb (150x150x3 uint8, RGB, row-major)',
    producer: `face-api ${faceapi.version}, tfjs-core ${tf.version_core}, backend ${tf.getBackend()}`,
    descriptor: Array.from(descriptor),
  }, null, 1)}\n`);
})();
