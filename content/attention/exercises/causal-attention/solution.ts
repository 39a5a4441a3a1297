function attentionWeights(q: tf.Tensor, k: tf.Tensor, causal: boolean): tf.Tensor {
  const dK = q.shape[q.shape.length - 1];
  let scores = tf.matMul(q, k, false, true).div(Math.sqrt(dK));
  if (causal) {
    const nQ = q.shape[q.shape.length - 2];
    const nK = k.shape[k.shape.length - 2];
    // 1 where key j ≤ query i; the mask is 0 there and −1e9 above the diagonal, so e^(score) underflows to exactly 0.
    const allowed = tf.linalg.bandPart(tf.ones([nQ, nK]), -1, 0);
    scores = scores.add(tf.scalar(1).sub(allowed).mul(-1e9));
  }
  return tf.softmax(scores);
}

function attention(q: tf.Tensor, k: tf.Tensor, v: tf.Tensor, causal: boolean): tf.Tensor {
  return tf.matMul(attentionWeights(q, k, causal), v);
}
