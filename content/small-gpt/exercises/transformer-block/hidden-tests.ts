const linear = (nIn: number, nOut: number, seed: number, scale = 0.5) => ({
  w: tf.randomNormal([nIn, nOut], 0, scale, "float32", seed),
  b: tf.randomNormal([nOut], 0, 0.1, "float32", seed + 100),
});
const norm = (d: number, seed: number) => ({ gamma: tf.randomNormal([d], 1, 0.2, "float32", seed), beta: tf.randomNormal([d], 0, 0.2, "float32", seed + 1) });
const randomBlock = (d: number, seed: number) => ({
  ln1: norm(d, seed + 50),
  attention: { q: linear(d, d, seed), k: linear(d, d, seed + 1), v: linear(d, d, seed + 2), o: linear(d, d, seed + 3) },
  ln2: norm(d, seed + 60),
  mlp: { up: linear(d, 4 * d, seed + 4), down: linear(4 * d, d, seed + 5) },
});
type L = { w: tf.Tensor; b: tf.Tensor };
type N = { gamma: tf.Tensor; beta: tf.Tensor };
type W = { ln1: N; attention: { q: L; k: L; v: L; o: L }; ln2: N; mlp: { up: L; down: L } };

/** The reference block, head by head with slices of the weights (not by reshape), on each sequence of the batch. */
function reference(x: tf.Tensor, w: W, heads: number): tf.Tensor {
  const [b, T, d] = x.shape as [number, number, number];
  const dK = d / heads;
  const ln = (t: tf.Tensor, n: N) => {
    const { mean, variance } = tf.moments(t, -1, true);
    return t.sub(mean).div(variance.add(1e-5).sqrt()).mul(n.gamma).add(n.beta);
  };
  const lin = (t: tf.Tensor, l: L) => tf.matMul(t, l.w).add(l.b);
  const causal = tf.scalar(1).sub(tf.linalg.bandPart(tf.ones([T, T]), -1, 0)).mul(-1e9);
  const outputs = Array.from({ length: b }, (_, s) => {
    const xs = x.slice([s, 0, 0], [1, T, d]).reshape([T, d]);
    const a1 = ln(xs, w.ln1);
    const [Q, K, V] = [w.attention.q, w.attention.k, w.attention.v].map((l) => lin(a1, l));
    const headOutputs = Array.from({ length: heads }, (_, i) => {
      const cols = (m: tf.Tensor) => m.slice([0, i * dK], [T, dK]);
      return tf.matMul(tf.softmax(tf.matMul(cols(Q!), cols(K!), false, true).div(Math.sqrt(dK)).add(causal)), cols(V!));
    });
    const a = xs.add(lin(tf.concat(headOutputs, 1), w.attention.o));
    const up = lin(ln(a, w.ln2), w.mlp.up);
    return a.add(lin(up.mul(0.5).mul(tf.erf(up.div(Math.SQRT2)).add(1)), w.mlp.down));
  });
  return tf.stack(outputs);
}

test("two heads against the reference", { points: 2, feedback: "Check how you split heads (reshape to [b, T, h, d_k], then transpose) and that the scores are divided by √d_k with d_k = d / heads." }, async () => {
  const w = randomBlock(8, 200);
  const x = tf.randomNormal([2, 6, 8], 0, 1, "float32", 2);
  const y = await learner.transformerBlock(x, w, 2);
  expect.shape(y, [2, 6, 8]);
  expect.close(y, reference(x, w, 2), { rtol: 1e-3, atol: 1e-4 });
});

test("four heads, a batch of three", { points: 2 }, async () => {
  const w = randomBlock(16, 300);
  const x = tf.randomNormal([3, 7, 16], 0, 2, "float32", 3);
  expect.close(await learner.transformerBlock(x, w, 4), reference(x, w, 4), { rtol: 1e-3, atol: 1e-4 });
});

test("GELU, not ReLU, in the MLP", { feedback: "Use GELU(t) = t · ½(1 + erf(t/√2)) between the two MLP layers." }, async () => {
  // Zero attention output projection: the block is x + MLP(LN₂(x)) alone, and GELU's negative part shows.
  const w = randomBlock(4, 400);
  w.attention.o = { w: tf.zeros([4, 4]), b: tf.zeros([4]) };
  const x = tf.randomNormal([1, 3, 4], 0, 1, "float32", 4);
  expect.close(await learner.transformerBlock(x, w, 1), reference(x, w, 1), { rtol: 1e-3, atol: 1e-4 });
});

test("one position, one head", async () => {
  // With a single position the attention weight is 1: MHA(t) = (t W_V + b_V) W_O + b_O.
  const w = randomBlock(6, 500);
  const x = tf.randomNormal([2, 1, 6], 0, 1, "float32", 5);
  expect.close(await learner.transformerBlock(x, w, 3), reference(x, w, 3), { rtol: 1e-3, atol: 1e-4 });
});
