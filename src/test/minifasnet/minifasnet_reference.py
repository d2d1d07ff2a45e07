#!/usr/bin/env python3
"""NumPy-only reference forward pass of MiniFASNetV2 / MiniFASNetV1SE (Silent-Face-Anti-Spoofing,
src/model_lib/MiniFASNet.py, eval mode) and of its CropImage._get_new_box, used to make the golden
fixture the Java port is checked against.

Usage:
  minifasnet_reference.py golden <weights-dir> <out-dir>   write input.bgr + expected.json
  minifasnet_reference.py score <weights-dir> <crop.bgr>... print both models' softmax per 80x80 crop

The architecture is rebuilt from the state-dict names: Conv_block = conv (no bias) + BatchNorm +
PReLU, Linear_block = conv + BatchNorm, Depth_Wise = 1x1 Conv_block -> 3x3 depthwise Conv_block ->
1x1 Linear_block (+ input when residual), the SE unit (only in V1SE, last block of each residual
stage) = global average -> 1x1 conv -> BN -> ReLU -> 1x1 conv -> BN -> sigmoid, scaling the block
output before the residual add. Head: conv_6_sep (1x1) -> conv_6_dw (5x5 depthwise, valid) ->
flatten -> linear (512->128) -> BatchNorm1d -> dropout (identity) -> prob (128->3).
"""
import json
import os
import sys

import numpy as np

EPS = 1e-5
MODELS = {"MiniFASNetV2_2.7.npz": 2.7, "MiniFASNetV1SE_4.0.npz": 4.0}


def conv2d(x, w, stride=1, pad=0, groups=1):
    """x: (C,H,W), w: (O, C/groups, kh, kw); float64 accumulation."""
    c, h, wd = x.shape
    o, cg, kh, kw = w.shape
    xp = np.pad(x, ((0, 0), (pad, pad), (pad, pad)))
    oh = (h + 2 * pad - kh) // stride + 1
    ow = (wd + 2 * pad - kw) // stride + 1
    sc, sh, sw = xp.strides
    patches = np.lib.stride_tricks.as_strided(
        xp, shape=(c, oh, ow, kh, kw), strides=(sc, sh * stride, sw * stride, sh, sw))
    og = o // groups
    out = np.empty((o, oh, ow))
    for g in range(groups):
        p = patches[g * cg:(g + 1) * cg]
        out[g * og:(g + 1) * og] = np.einsum("chwij,ocij->ohw", p, w[g * og:(g + 1) * og], optimize=True)
    return out


def bn(x, p, name):
    scale = p[name + ".weight"] / np.sqrt(p[name + ".running_var"] + EPS)
    shift = p[name + ".bias"] - p[name + ".running_mean"] * scale
    shape = (-1,) + (1,) * (x.ndim - 1)
    return x * scale.reshape(shape) + shift.reshape(shape)


def prelu(x, a):
    return np.where(x > 0, x, x * a.reshape(-1, 1, 1))


def conv_unit(x, p, name, stride=1, pad=0, depthwise=False, activation=True):
    w = p[name + ".conv.weight"]
    x = conv2d(x, w, stride, pad, groups=x.shape[0] if depthwise else 1)
    x = bn(x, p, name + ".bn")
    return prelu(x, p[name + ".prelu.weight"]) if activation else x


def se_unit(x, p, name):
    s = x.mean(axis=(1, 2), keepdims=True)
    s = conv2d(s, p[name + ".fc1.weight"])
    s = np.maximum(bn(s, p, name + ".bn1"), 0)
    s = conv2d(s, p[name + ".fc2.weight"])
    s = 1 / (1 + np.exp(-bn(s, p, name + ".bn2")))
    return x * s


def depth_wise(x, p, name, stride, residual):
    y = conv_unit(x, p, name + ".conv")
    y = conv_unit(y, p, name + ".conv_dw", stride=stride, pad=1, depthwise=True)
    y = conv_unit(y, p, name + ".project", activation=False)
    if residual:
        if name + ".se_module.fc1.weight" in p:
            y = se_unit(y, p, name + ".se_module")
        y = x + y
    return y


def stage(x, p, name):
    i = 0
    while f"{name}.model.{i}.conv.conv.weight" in p:
        x = depth_wise(x, p, f"{name}.model.{i}", 1, True)
        i += 1
    return x


def forward(p, bgr):
    """bgr: (80, 80, 3) values 0..255 -> 3 logits."""
    x = bgr.astype(np.float64).transpose(2, 0, 1)
    x = conv_unit(x, p, "conv1", stride=2, pad=1)
    x = conv_unit(x, p, "conv2_dw", stride=1, pad=1, depthwise=True)
    x = depth_wise(x, p, "conv_23", 2, False)
    x = stage(x, p, "conv_3")
    x = depth_wise(x, p, "conv_34", 2, False)
    x = stage(x, p, "conv_4")
    x = depth_wise(x, p, "conv_45", 2, False)
    x = stage(x, p, "conv_5")
    x = conv_unit(x, p, "conv_6_sep")
    x = conv_unit(x, p, "conv_6_dw", depthwise=True, activation=False)
    x = x.reshape(-1)
    x = p["linear.weight"] @ x
    x = bn(x, p, "bn")
    return p["prob.weight"] @ x


def softmax(z):
    e = np.exp(z - z.max())
    return e / e.sum()


def new_box(src_w, src_h, bbox, scale):
    """CropImage._get_new_box, verbatim logic: bbox = [x, y, w, h]."""
    x, y, box_w, box_h = bbox
    scale = min((src_h - 1) / box_h, min((src_w - 1) / box_w, scale))
    new_width = box_w * scale
    new_height = box_h * scale
    center_x, center_y = box_w / 2 + x, box_h / 2 + y
    left_top_x = center_x - new_width / 2
    left_top_y = center_y - new_height / 2
    right_bottom_x = center_x + new_width / 2
    right_bottom_y = center_y + new_height / 2
    if left_top_x < 0:
        right_bottom_x -= left_top_x
        left_top_x = 0
    if left_top_y < 0:
        right_bottom_y -= left_top_y
        left_top_y = 0
    if right_bottom_x > src_w - 1:
        left_top_x -= right_bottom_x - src_w + 1
        right_bottom_x = src_w - 1
    if right_bottom_y > src_h - 1:
        left_top_y -= right_bottom_y - src_h + 1
        right_bottom_y = src_h - 1
    return int(left_top_x), int(left_top_y), int(right_bottom_x), int(right_bottom_y)


def load(weights_dir, name):
    with np.load(os.path.join(weights_dir, name)) as z:
        return {k: z[k].astype(np.float64) for k in z.files}


def synthetic_crop():
    """A fixed, face-free 80x80 BGR pattern: smooth gradients, a bright disc and seeded noise."""
    rng = np.random.default_rng(20240611)
    yy, xx = np.mgrid[0:80, 0:80].astype(np.float64)
    disc = ((xx - 44) ** 2 + (yy - 36) ** 2 < 22 ** 2) * 70.0
    b = 40 + 1.6 * xx + disc
    g = 90 + 0.9 * yy + 0.5 * disc
    r = 150 - 0.8 * xx + 0.7 * yy
    img = np.stack([b, g, r], axis=-1) + rng.normal(0, 12, (80, 80, 3))
    return np.clip(np.rint(img), 0, 255).astype(np.uint8)


BOX_CASES = [
    (640, 480, [250, 150, 120, 160], 2.7),
    (640, 480, [250, 150, 120, 160], 4.0),
    (640, 480, [10, 5, 100, 130], 2.7),
    (640, 480, [560, 380, 70, 90], 4.0),
    (250, 250, [40, 30, 170, 200], 2.7),
    (150, 150, [0, 0, 150, 150], 4.0),
    (1024, 768, [700, 20, 300, 420], 2.7),
    (481, 353, [101, 77, 93, 117], 4.0),
]


def golden(weights_dir, out_dir):
    crop = synthetic_crop()
    crop.tofile(os.path.join(out_dir, "input-80x80.bgr"))
    result = {"input": "input-80x80.bgr (80x80x3 uint8, BGR, row-major)", "models": {}}
    for name, scale in MODELS.items():
        logits = forward(load(weights_dir, name), crop)
        result["models"][name] = {"scale": scale, "logits": logits.tolist(), "softmax": softmax(logits).tolist()}
    result["boxCases"] = [
        {"srcW": w, "srcH": h, "bbox": b, "scale": s, "expected": list(new_box(w, h, b, s))}
        for w, h, b, s in BOX_CASES]
    with open(os.path.join(out_dir, "expected.json"), "w") as f:
        json.dump(result, f, indent=1)
        f.write("\n")


def score(weights_dir, files):
    params = {name: load(weights_dir, name) for name in MODELS}
    for path in files:
        crop = np.fromfile(path, dtype=np.uint8).reshape(80, 80, 3)
        probs = [softmax(forward(p, crop)).tolist() for p in params.values()]
        print(json.dumps({"file": os.path.basename(path), "softmax": probs}))


if __name__ == "__main__":
    if sys.argv[1] == "golden":
        golden(sys.argv[2], sys.argv[3])
    elif sys.argv[1] == "score":
        score(sys.argv[2], sys.argv[3:])
    else:
        sys.exit(__doc__)
