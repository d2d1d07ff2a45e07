// Writes golden fixtures for the Java TF.js graph runtime (dev.likeness.runtime.tfjs), computed by
// the reference implementation: TF.js graph executor on the pure-JS CPU backend.
//
//   node make-goldens.mjs <models-dir> <out-dir>
//
// <models-dir> holds human/{blazeface,facemesh,faceres}.{json,bin} (target/models after the build).
// <out-dir> is src/test/resources/tfjs-golden.
//
// Output layout:
//   models/<name>.json          seed + input rule + output shapes; outputs as <name>.<i>.f32
//   ops/<case>/model.json       a one-node graph model in the same format the converter writes,
//   ops/<case>/weights.bin      with its weights (some cases quantized: uint8, uint16, float16),
//   ops/<case>/io.json          and its inputs and expected outputs.
//
// Random numbers come from mulberry32 so the Java test can regenerate model inputs exactly
// instead of storing them: value = low + (high - low) * u, rounded to float32, row-major.

import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import * as tfconv from '@tensorflow/tfjs-converter';
import fs from 'node:fs';
import path from 'node:path';

const [modelsDir, outDir] = process.argv.slice(2);
if (!modelsDir || !outDir) {
  console.error('usage: node make-goldens.mjs <models-dir> <out-dir>');
  process.exit(2);
}
await tf.setBackend('cpu');

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6D2B79F5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomValues(rng, count, low, high) {
  const out = new Float32Array(count);
  for (let i = 0; i < count; i++) out[i] = low + (high - low) * rng();
  return out;
}

const sizeOf = (shape) => shape.reduce((a, b) => a * b, 1);
const b64 = (s) => Buffer.from(s, 'utf8').toString('base64');

function writeF32(file, data) {
  const buf = Buffer.alloc(data.length * 4);
  for (let i = 0; i < data.length; i++) buf.writeFloatLE(data[i], i * 4);
  fs.writeFileSync(file, buf);
}

function loadFromDisk(jsonPath) {
  const json = JSON.parse(fs.readFileSync(jsonPath, 'utf8'));
  const dir = path.dirname(jsonPath);
  const specs = [];
  const chunks = [];
  for (const group of json.weightsManifest) {
    specs.push(...group.weights);
    for (const p of group.paths) chunks.push(fs.readFileSync(path.join(dir, p)));
  }
  const all = Buffer.concat(chunks);
  const weightData = all.buffer.slice(all.byteOffset, all.byteOffset + all.byteLength);
  return tfconv.loadGraphModel(tf.io.fromMemory({ modelTopology: json.modelTopology, weightSpecs: specs, weightData }));
}

// ---------------------------------------------------------------- whole models

const modelCases = [
  { name: 'blazeface', file: 'human/blazeface.json', input: 'input', shape: [1, 256, 256, 3], low: -1, high: 1, seed: 1001,
    outputs: ['Identity', 'Identity_1', 'Identity_2', 'Identity_3'] },
  { name: 'facemesh', file: 'human/facemesh.json', input: 'input_1', shape: [1, 192, 192, 3], low: 0, high: 1, seed: 2002,
    outputs: ['Identity', 'Identity_1', 'Identity_2'] },
  { name: 'faceres', file: 'human/faceres.json', input: 'input_1', shape: [1, 224, 224, 3], low: 0, high: 255, seed: 3003,
    outputs: ['gender_pred/Sigmoid', 'global_pooling/Mean', 'age_pred/Softmax'] },
];

fs.mkdirSync(path.join(outDir, 'models'), { recursive: true });
for (const c of modelCases) {
  const model = await loadFromDisk(path.join(modelsDir, c.file));
  const data = randomValues(mulberry32(c.seed), sizeOf(c.shape), c.low, c.high);
  const x = tf.tensor(data, c.shape, 'float32');
  const results = model.execute({ [c.input]: x }, c.outputs);
  const list = Array.isArray(results) ? results : [results];
  const outputs = [];
  for (let i = 0; i < list.length; i++) {
    const file = `${c.name}.${i}.f32`;
    writeF32(path.join(outDir, 'models', file), await list[i].data());
    outputs.push({ name: c.outputs[i], shape: list[i].shape, file });
  }
  const meta = {
    model: c.file, input: c.input, shape: c.shape, seed: c.seed, low: c.low, high: c.high,
    rule: 'mulberry32(seed); value = low + (high - low) * u, stored as float32, NHWC row-major',
    outputs,
  };
  fs.writeFileSync(path.join(outDir, 'models', `${c.name}.json`), JSON.stringify(meta, null, 1));
  tf.dispose([x, ...list]);
  model.dispose();
  console.log(`model ${c.name}: ${outputs.map((o) => o.shape.join('x')).join(', ')}`);
}

// ---------------------------------------------------------------- per-op graphs

function float16Bits(value) {
  const f = new Float32Array(1);
  const u = new Uint32Array(f.buffer);
  f[0] = value;
  const x = u[0];
  const sign = (x >>> 16) & 0x8000;
  let exp = ((x >>> 23) & 0xff) - 127 + 15;
  let mant = x & 0x7fffff;
  if (exp >= 31) return sign | 0x7c00;
  if (exp <= 0) {
    if (exp < -10) return sign;
    mant |= 0x800000;
    const shift = 14 - exp;
    let half = mant >> shift;
    if ((mant >> (shift - 1)) & 1) half += 1;
    return sign | half;
  }
  let half = sign | (exp << 10) | (mant >> 13);
  if (mant & 0x1000) half += 1;
  return half;
}

function encodeWeight(spec, values, quant) {
  if (spec.dtype === 'int32') return Buffer.from(Int32Array.from(values).buffer);
  if (!quant) return Buffer.from(Float32Array.from(values).buffer);
  if (quant === 'float16') {
    spec.quantization = { dtype: 'float16', original_dtype: 'float32' };
    return Buffer.from(Uint16Array.from(values, float16Bits).buffer);
  }
  const levels = quant === 'uint8' ? 255 : 65535;
  const min = Math.min(...values);
  const max = Math.max(...values);
  const scale = (max - min) / levels;
  spec.quantization = { dtype: quant, scale, min, original_dtype: 'float32' };
  const q = values.map((v) => Math.round((v - min) / scale));
  return Buffer.from((quant === 'uint8' ? Uint8Array.from(q) : Uint16Array.from(q)).buffer);
}

const attr = {
  s: (v) => ({ s: b64(v) }),
  ints: (v) => ({ list: { i: v.map(String) } }),
  strs: (v) => ({ list: { s: v.map(b64) } }),
  i: (v) => ({ i: String(v) }),
  f: (v) => ({ f: v }),
  b: (v) => ({ b: v }),
  type: (v) => ({ type: v }),
};

function convAttrs({ strides = 1, padding = 'SAME', dilations = 1, explicit = null }) {
  const a = {
    strides: attr.ints([1, strides, strides, 1]),
    padding: attr.s(padding),
    dilations: attr.ints([1, dilations, dilations, 1]),
    data_format: attr.s('NHWC'),
    T: attr.type('DT_FLOAT'),
  };
  if (explicit) a.explicit_paddings = attr.ints(explicit);
  return a;
}

function fusedAttrs(conv, fusedOps, extra = {}) {
  const numArgs = fusedOps.includes('Prelu') ? 2 : 1;
  return { ...convAttrs(conv), fused_ops: attr.strs(fusedOps), num_args: attr.i(numArgs), epsilon: attr.f(0), ...extra };
}

let caseCount = 0;
async function opCase(name, { inputs, consts = [], nodes, outputs }, seed) {
  const rng = mulberry32(seed);
  const dir = path.join(outDir, 'ops', name);
  fs.mkdirSync(dir, { recursive: true });
  const graphNodes = [];
  for (const inp of inputs) {
    graphNodes.push({ name: inp.name, op: 'Placeholder', attr: { dtype: attr.type('DT_FLOAT'),
      shape: { shape: { dim: inp.shape.map((s) => ({ size: String(s) })) } } } });
  }
  const specs = [];
  const chunks = [];
  for (const c of consts) {
    const dtype = c.dtype || 'float32';
    const values = c.values || Array.from(randomValues(rng, sizeOf(c.shape), c.low ?? -1, c.high ?? 1));
    const dt = dtype === 'int32' ? 'DT_INT32' : 'DT_FLOAT';
    graphNodes.push({ name: c.name, op: 'Const', attr: { value: { tensor: { dtype: dt,
      tensorShape: { dim: c.shape.map((s) => ({ size: String(s) })) } } }, dtype: attr.type(dt) } });
    const spec = { name: c.name, shape: c.shape, dtype };
    chunks.push(encodeWeight(spec, values, c.quant));
    specs.push(spec);
  }
  graphNodes.push(...nodes);
  const modelJson = {
    format: 'graph-model', generatedBy: 'make-goldens.mjs', convertedBy: 'make-goldens.mjs',
    modelTopology: { node: graphNodes, library: {}, versions: {} },
    weightsManifest: [{ paths: ['weights.bin'], weights: specs }],
  };
  fs.writeFileSync(path.join(dir, 'model.json'), JSON.stringify(modelJson));
  fs.writeFileSync(path.join(dir, 'weights.bin'), Buffer.concat(chunks));

  const model = await loadFromDisk(path.join(dir, 'model.json'));
  const feed = {};
  const io = { inputs: [], outputs: [] };
  for (const inp of inputs) {
    const data = randomValues(rng, sizeOf(inp.shape), inp.low ?? -2, inp.high ?? 2);
    feed[inp.name] = tf.tensor(data, inp.shape, 'float32');
    io.inputs.push({ name: inp.name, shape: inp.shape, data: Array.from(data) });
  }
  const res = model.execute(feed, outputs);
  const list = Array.isArray(res) ? res : [res];
  for (let i = 0; i < list.length; i++) {
    io.outputs.push({ name: outputs[i], shape: list[i].shape, data: Array.from(await list[i].data()) });
  }
  fs.writeFileSync(path.join(dir, 'io.json'), JSON.stringify(io));
  tf.dispose([...Object.values(feed), ...list]);
  model.dispose();
  caseCount++;
}

// a single convolution-like node fed by input "x" and constant "w" (+ bias "b", alpha "a")
async function convCase(name, { op = 'Conv2D', x, w, conv, fused = null, alphaShape = null, quant, leaky }, seed) {
  const consts = [{ name: 'w', shape: w, quant }];
  const inputsOfNode = ['x', 'w'];
  let attrs = convAttrs(conv);
  if (fused) {
    const outC = op.includes('Depthwise') ? w[2] * w[3] : w[3];
    consts.push({ name: 'b', shape: [outC] });
    inputsOfNode.push('b');
    if (fused.includes('Prelu')) {
      consts.push({ name: 'a', shape: alphaShape || [outC], low: 0, high: 0.5 });
      inputsOfNode.push('a');
    }
    attrs = fusedAttrs(conv, fused, leaky === undefined ? {} : { leakyrelu_alpha: attr.f(leaky) });
  }
  await opCase(name, {
    inputs: [{ name: 'x', shape: x }],
    consts,
    nodes: [{ name: 'y', op, input: inputsOfNode, attr: attrs }],
    outputs: ['y'],
  }, seed);
}

let seed = 100;
// plain Conv2D: SAME with odd/even sizes (asymmetric padding), strides 2 and 3, dilation, VALID
await convCase('conv2d_same_s1_k3', { x: [1, 5, 6, 3], w: [3, 3, 3, 4], conv: { strides: 1 } }, seed++);
await convCase('conv2d_same_s1_k2_even_kernel', { x: [1, 5, 6, 3], w: [2, 2, 3, 4], conv: { strides: 1 } }, seed++);
await convCase('conv2d_same_s2_k3_even_input', { x: [1, 8, 8, 3], w: [3, 3, 3, 4], conv: { strides: 2 } }, seed++);
await convCase('conv2d_same_s2_k3_odd_input', { x: [1, 7, 9, 3], w: [3, 3, 3, 4], conv: { strides: 2 } }, seed++);
await convCase('conv2d_same_s2_k5_mixed', { x: [2, 8, 9, 2], w: [5, 5, 2, 3], conv: { strides: 2 } }, seed++);
await convCase('conv2d_valid_s2_k3', { x: [1, 8, 7, 3], w: [3, 3, 3, 4], conv: { strides: 2, padding: 'VALID' } }, seed++);
await convCase('conv2d_valid_s3_k3', { x: [1, 7, 8, 4], w: [3, 3, 4, 5], conv: { strides: 3, padding: 'VALID' } }, seed++);
await convCase('conv2d_same_dilation2', { x: [1, 9, 8, 2], w: [3, 3, 2, 3], conv: { strides: 1, dilations: 2 } }, seed++);
await convCase('conv2d_valid_dilation2', { x: [1, 9, 8, 2], w: [3, 3, 2, 3], conv: { strides: 1, dilations: 2, padding: 'VALID' } }, seed++);
await convCase('conv2d_explicit', { x: [1, 6, 6, 2], w: [3, 3, 2, 3],
  conv: { strides: 1, padding: 'EXPLICIT', explicit: [0, 0, 2, 0, 0, 1, 0, 0] } }, seed++);
await convCase('conv2d_1x1', { x: [1, 4, 5, 6], w: [1, 1, 6, 7], conv: { strides: 1 } }, seed++);
// fused Conv2D with every activation the converter emits
await convCase('fusedconv2d_bias', { op: '_FusedConv2D', x: [1, 6, 7, 3], w: [3, 3, 3, 4], conv: { strides: 1, padding: 'VALID' }, fused: ['BiasAdd'] }, seed++);
await convCase('fusedconv2d_bias_relu_s2_same', { op: '_FusedConv2D', x: [1, 8, 8, 3], w: [5, 5, 3, 4], conv: { strides: 2 }, fused: ['BiasAdd', 'Relu'] }, seed++);
await convCase('fusedconv2d_bias_relu6', { op: '_FusedConv2D', x: [1, 6, 7, 3], w: [3, 3, 3, 4], conv: { strides: 1 }, fused: ['BiasAdd', 'Relu6'] }, seed++);
await convCase('fusedconv2d_bias_prelu', { op: '_FusedConv2D', x: [1, 7, 7, 3], w: [3, 3, 3, 4], conv: { strides: 2 }, fused: ['BiasAdd', 'Prelu'] }, seed++);
await convCase('fusedconv2d_bias_prelu_alpha_hwc', { op: '_FusedConv2D', x: [1, 6, 6, 3], w: [1, 1, 3, 4], conv: { strides: 1, padding: 'VALID' },
  fused: ['BiasAdd', 'Prelu'], alphaShape: [1, 1, 4] }, seed++);
await convCase('fusedconv2d_bias_leakyrelu', { op: '_FusedConv2D', x: [1, 6, 7, 3], w: [3, 3, 3, 4], conv: { strides: 1 }, fused: ['BiasAdd', 'LeakyRelu'], leaky: 0.15 }, seed++);
await convCase('fusedconv2d_bias_valid_s3', { op: '_FusedConv2D', x: [1, 9, 9, 4], w: [3, 3, 4, 6], conv: { strides: 3, padding: 'VALID' }, fused: ['BiasAdd'] }, seed++);
// depthwise
await convCase('depthwise_same_s1', { op: 'DepthwiseConv2dNative', x: [1, 6, 7, 3], w: [3, 3, 3, 1], conv: { strides: 1 } }, seed++);
await convCase('depthwise_same_s2_even_input', { op: 'DepthwiseConv2dNative', x: [1, 8, 8, 3], w: [3, 3, 3, 1], conv: { strides: 2 } }, seed++);
await convCase('depthwise_same_s2_odd_input', { op: 'DepthwiseConv2dNative', x: [1, 7, 9, 4], w: [5, 5, 4, 1], conv: { strides: 2 } }, seed++);
await convCase('depthwise_multiplier2', { op: 'DepthwiseConv2dNative', x: [1, 6, 5, 3], w: [3, 3, 3, 2], conv: { strides: 1 } }, seed++);
await convCase('depthwise_dilation2', { op: 'DepthwiseConv2dNative', x: [1, 9, 9, 2], w: [3, 3, 2, 1], conv: { strides: 1, dilations: 2 } }, seed++);
await convCase('depthwise_valid_s2', { op: 'DepthwiseConv2dNative', x: [1, 9, 8, 3], w: [3, 3, 3, 1], conv: { strides: 2, padding: 'VALID' } }, seed++);
await convCase('fuseddepthwise_bias_relu', { op: 'FusedDepthwiseConv2dNative', x: [1, 7, 7, 3], w: [3, 3, 3, 1], conv: { strides: 2 }, fused: ['BiasAdd', 'Relu'] }, seed++);
await convCase('fuseddepthwise_bias_relu6_mult2', { op: 'FusedDepthwiseConv2dNative', x: [1, 6, 6, 2], w: [3, 3, 2, 2], conv: { strides: 1 }, fused: ['BiasAdd', 'Relu6'] }, seed++);
await convCase('fuseddepthwise_bias_prelu', { op: 'FusedDepthwiseConv2dNative', x: [1, 6, 6, 3], w: [3, 3, 3, 1], conv: { strides: 1 }, fused: ['BiasAdd', 'Prelu'] }, seed++);
// quantized weights (the converter's uint8 / uint16 affine and float16 encodings)
await convCase('conv2d_weights_uint8', { x: [1, 5, 5, 3], w: [3, 3, 3, 4], conv: { strides: 1 }, quant: 'uint8' }, seed++);
await convCase('conv2d_weights_uint16', { x: [1, 5, 5, 3], w: [3, 3, 3, 4], conv: { strides: 1 }, quant: 'uint16' }, seed++);
await convCase('conv2d_weights_float16', { x: [1, 5, 5, 3], w: [3, 3, 3, 4], conv: { strides: 1 }, quant: 'float16' }, seed++);

// pooling
async function poolCase(name, x, k, s, padding) {
  await opCase(name, {
    inputs: [{ name: 'x', shape: x }],
    nodes: [{ name: 'y', op: 'MaxPool', input: ['x'], attr: { ksize: attr.ints([1, k, k, 1]), strides: attr.ints([1, s, s, 1]),
      padding: attr.s(padding), data_format: attr.s('NHWC'), T: attr.type('DT_FLOAT') } }],
    outputs: ['y'],
  }, seed++);
}
await poolCase('maxpool_same_k2s2_odd', [1, 7, 5, 3], 2, 2, 'SAME');
await poolCase('maxpool_valid_k2s2_odd', [1, 7, 5, 3], 2, 2, 'VALID');
await poolCase('maxpool_same_k3s2_even', [1, 8, 8, 2], 3, 2, 'SAME');
await poolCase('maxpool_same_k3s1', [1, 5, 6, 2], 3, 1, 'SAME');

// elementwise and shape ops
const unary = (op, extra = {}) => ({ name: 'y', op, input: ['x'], attr: { T: attr.type('DT_FLOAT'), ...extra } });
async function unaryCase(name, op, x, extra) {
  await opCase(name, { inputs: [{ name: 'x', shape: x }], nodes: [unary(op, extra)], outputs: ['y'] }, seed++);
}
await unaryCase('relu', 'Relu', [1, 3, 4, 5]);
await unaryCase('relu6', 'Relu6', [1, 3, 4, 5], undefined);
await unaryCase('leakyrelu', 'LeakyRelu', [1, 3, 4, 5], { alpha: attr.f(0.2) });
await unaryCase('sigmoid', 'Sigmoid', [2, 7]);
await unaryCase('softmax', 'Softmax', [2, 9]);
await unaryCase('identity', 'Identity', [1, 2, 3, 4]);

async function binaryConstCase(name, op, x, cShape, low, high) {
  await opCase(name, {
    inputs: [{ name: 'x', shape: x }],
    consts: [{ name: 'c', shape: cShape, low, high }],
    nodes: [{ name: 'y', op, input: ['x', 'c'], attr: { T: attr.type('DT_FLOAT') } }],
    outputs: ['y'],
  }, seed++);
}
await binaryConstCase('add_channel_const', 'Add', [1, 3, 4, 5], [5]);
await binaryConstCase('addv2_same_shape', 'AddV2', [1, 3, 4, 5], [1, 3, 4, 5]);
await binaryConstCase('mul_channel_const', 'Mul', [1, 3, 4, 5], [5]);
await binaryConstCase('maximum_scalar', 'Maximum', [1, 3, 4, 5], [], 0, 0);
await binaryConstCase('minimum_scalar', 'Minimum', [1, 3, 4, 5], [], 1, 1);
await binaryConstCase('prelu_channel', 'Prelu', [1, 3, 4, 5], [5], 0, 0.5);
await binaryConstCase('prelu_hwc_alpha', 'Prelu', [1, 3, 4, 5], [1, 1, 5], -0.5, 0);

await opCase('addv2_two_inputs', {
  inputs: [{ name: 'x', shape: [1, 3, 4, 5] }, { name: 'z', shape: [1, 3, 4, 5] }],
  nodes: [{ name: 'y', op: 'AddV2', input: ['x', 'z'], attr: { T: attr.type('DT_FLOAT') } }],
  outputs: ['y'],
}, seed++);

async function padCase(name, x, paddings) {
  await opCase(name, {
    inputs: [{ name: 'x', shape: x }],
    consts: [{ name: 'p', shape: [4, 2], dtype: 'int32', values: paddings.flat() }],
    nodes: [{ name: 'y', op: 'Pad', input: ['x', 'p'], attr: { T: attr.type('DT_FLOAT'), Tpaddings: attr.type('DT_INT32') } }],
    outputs: ['y'],
  }, seed++);
}
await padCase('pad_channels', [1, 3, 3, 4], [[0, 0], [0, 0], [0, 0], [0, 5]]);
await padCase('pad_spatial_asymmetric', [1, 3, 4, 2], [[0, 0], [1, 2], [0, 1], [0, 0]]);

await opCase('reshape_infer', {
  inputs: [{ name: 'x', shape: [1, 4, 4, 6] }],
  consts: [{ name: 's', shape: [3], dtype: 'int32', values: [1, -1, 3] }],
  nodes: [{ name: 'y', op: 'Reshape', input: ['x', 's'], attr: { T: attr.type('DT_FLOAT'), Tshape: attr.type('DT_INT32') } }],
  outputs: ['y'],
}, seed++);

for (const keep of [false, true]) {
  await opCase(`mean_hw_keepdims_${keep}`, {
    inputs: [{ name: 'x', shape: [2, 5, 4, 3] }],
    consts: [{ name: 'axes', shape: [2], dtype: 'int32', values: [1, 2] }],
    nodes: [{ name: 'y', op: 'Mean', input: ['x', 'axes'], attr: { T: attr.type('DT_FLOAT'), Tidx: attr.type('DT_INT32'), keep_dims: attr.b(keep) } }],
    outputs: ['y'],
  }, seed++);
}

async function matMulCase(name, op, fused, transposeB) {
  const consts = [{ name: 'w', shape: transposeB ? [5, 8] : [8, 5] }];
  const inputs = ['x', 'w'];
  const attrs = { T: attr.type('DT_FLOAT'), transpose_a: attr.b(false), transpose_b: attr.b(transposeB) };
  if (fused) {
    consts.push({ name: 'b', shape: [5] });
    inputs.push('b');
    Object.assign(attrs, { fused_ops: attr.strs(fused), num_args: attr.i(1), epsilon: attr.f(0) });
  }
  await opCase(name, { inputs: [{ name: 'x', shape: [3, 8] }], consts, nodes: [{ name: 'y', op, input: inputs, attr: attrs }], outputs: ['y'] }, seed++);
}
await matMulCase('matmul_transpose_b', 'MatMul', null, true);
await matMulCase('fusedmatmul_bias', '_FusedMatMul', ['BiasAdd'], false);
await matMulCase('fusedmatmul_bias_relu', '_FusedMatMul', ['BiasAdd', 'Relu'], false);

// a small chain, to check topological ordering with out-of-order node lists and fan-out
await opCase('chain_out_of_order', {
  inputs: [{ name: 'x', shape: [1, 6, 6, 2] }],
  consts: [{ name: 'w', shape: [3, 3, 2, 1] }, { name: 'six', shape: [], values: [6] }],
  nodes: [
    { name: 'out', op: 'AddV2', input: ['clip', 'pool'], attr: { T: attr.type('DT_FLOAT') } },
    { name: 'clip', op: 'Minimum', input: ['relu', 'six'], attr: { T: attr.type('DT_FLOAT') } },
    { name: 'relu', op: 'Relu', input: ['dw'], attr: { T: attr.type('DT_FLOAT') } },
    { name: 'dw', op: 'DepthwiseConv2dNative', input: ['x', 'w'], attr: convAttrs({ strides: 2 }) },
    { name: 'pool', op: 'MaxPool', input: ['x'], attr: { ksize: attr.ints([1, 2, 2, 1]), strides: attr.ints([1, 2, 2, 1]),
      padding: attr.s('SAME'), data_format: attr.s('NHWC'), T: attr.type('DT_FLOAT') } },
  ],
  outputs: ['out', 'pool'],
}, seed++);

console.log(`op cases: ${caseCount}`);
