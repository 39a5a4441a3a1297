// Functions, not constants: test files' top level runs before tf is given to them.
const linear = (nIn: number, nOut: number, seed: number, scale = 0.5) => ({
  w: tf.randomNormal([nIn, nOut], 0, scale, "float32", seed),
  b: tf.randomNormal([nOut], 0, 0.1, "float32", seed + 100),
});
const norm = (d: number) => ({ gamma: tf.ones([d]), beta: tf.zeros([d]) });
const randomBlock = (d: number, seed: number) => ({
  ln1: norm(d),
  attention: { q: linear(d, d, seed), k: linear(d, d, seed + 1), v: linear(d, d, seed + 2), o: linear(d, d, seed + 3) },
  ln2: norm(d),
  mlp: { up: linear(d, 4 * d, seed + 4), down: linear(4 * d, d, seed + 5) },
});

test("zero sub-layers give back x", { points: 1 }, async () => {
  // Every weight and bias 0: both sub-layers output 0, and the residual connections carry x through unchanged.
  const zero = (nIn: number, nOut: number) => ({ w: tf.zeros([nIn, nOut]), b: tf.zeros([nOut]) });
  const w = { ln1: norm(4), attention: { q: zero(4, 4), k: zero(4, 4), v: zero(4, 4), o: zero(4, 4) }, ln2: norm(4), mlp: { up: zero(4, 16), down: zero(16, 4) } };
  const x = tf.tensor3d([[[1, 2, 3, 4], [-1, 0, 1, 2]]]);
  const y = await learner.transformerBlock(x, w, 2);
  expect.shape(y, [1, 2, 4], "the block keeps the shape [b, T, d]");
  expect.close(y, x, { atol: 1e-6 }, "add each sub-layer's output to its input: the residual connections");
});

test("the future stays hidden", { points: 2 }, async () => {
  const w = randomBlock(8, 10);
  const x = tf.randomNormal([1, 5, 8], 0, 1, "float32", 1);
  // A random change at position 3 (not a constant: layer norm would remove a constant added to a whole vector).
  const changed = x.add(tf.oneHot([3], 5).reshape([1, 5, 1]).mul(tf.randomNormal([1, 1, 8], 0, 3, "float32", 2)));
  const before = (await learner.transformerBlock(x, w, 2)) as { values: number[] };
  const after = (await learner.transformerBlock(changed, w, 2)) as { values: number[] };
  for (let t = 0; t < 3; t++) {
    const moved = Math.max(...before.values.slice(8 * t, 8 * t + 8).map((v, i) => Math.abs(v - after.values[8 * t + i]!)));
    expect.that(moved < 1e-5, `position ${t} changed by ${moved.toPrecision(3)} when only position 3 did: mask the scores of later keys with −1e9 before the softmax`);
  }
});

test("a worked example with one head", { points: 2 }, async () => {
  const x = tf.tensor3d([[[1, 0, -1, 2], [0.5, 1.5, 0, -0.5], [-1, 2, 1, 0]]]);
  const w = {
    ln1: { gamma: tf.tensor1d([1, 0.5, 2, 1]), beta: tf.tensor1d([0, 0.1, 0, -0.1]) },
    attention: { q: linear(4, 4, 1), k: linear(4, 4, 2), v: linear(4, 4, 3), o: linear(4, 4, 4) },
    ln2: norm(4),
    mlp: { up: linear(4, 16, 5), down: linear(16, 4, 6) },
  };
  const y = await learner.transformerBlock(x, w, 1);
  expect.close(y, [[[1.516313, -0.075443, -0.614828, 1.90614], [1.368625, 2.724935, 0.027283, -0.672207], [-0.982342, 1.909457, 0.137412, -0.624958]]], { rtol: 1e-3, atol: 1e-4 }, "pre-norm: x + MHA(LN₁(x)), then a + MLP(LN₂(a)), with GELU in the MLP");
});
