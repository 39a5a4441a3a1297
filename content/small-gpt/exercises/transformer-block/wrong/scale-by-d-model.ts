// Divides the scores by √d (the model width) instead of √d_k (a head's width).
type Linear = { w: tf.Tensor; b: tf.Tensor };
type BlockWeights = {
  ln1: { gamma: tf.Tensor; beta: tf.Tensor };
  attention: { q: Linear; k: Linear; v: Linear; o: Linear };
  ln2: { gamma: tf.Tensor; beta: tf.Tensor };
  mlp: { up: Linear; down: Linear };
};

function transformerBlock(x: tf.Tensor, w: BlockWeights, heads: number): tf.Tensor {
  return tf.tidy(() => {
    const [b, T, d] = x.shape;
    const dK = d / heads;
    const layerNorm = (t: tf.Tensor, { gamma, beta }: { gamma: tf.Tensor; beta: tf.Tensor }) => {
      const { mean, variance } = tf.moments(t, -1, true);
      return t.sub(mean).div(variance.add(1e-5).sqrt()).mul(gamma).add(beta);
    };
    // t W + b for t of shape [b, T, n_in].
    const linear = (t: tf.Tensor, { w: W, b: bias }: Linear) => tf.matMul(t.reshape([b * T, t.shape[2]]), W).add(bias).reshape([b, T, W.shape[1]]);
    const split = (t: tf.Tensor) => t.reshape([b, T, heads, dK]).transpose([0, 2, 1, 3]);
    const gelu = (t: tf.Tensor) => t.mul(tf.erf(t.div(Math.SQRT2)).add(1)).mul(0.5);

    const a1 = layerNorm(x, w.ln1);
    const [q, k, v] = [w.attention.q, w.attention.k, w.attention.v].map((p) => split(linear(a1, p)));
    const mask = tf.scalar(1).sub(tf.linalg.bandPart(tf.ones([T, T]), -1, 0)).mul(-1e9);
    const weights = tf.softmax(tf.matMul(q, k, false, true).div(Math.sqrt(d)).add(mask));
    const merged = tf.matMul(weights, v).transpose([0, 2, 1, 3]).reshape([b, T, d]);
    const a = x.add(linear(merged, w.attention.o));
    return a.add(linear(gelu(linear(layerNorm(a, w.ln2), w.mlp.up)), w.mlp.down));
  });
}
