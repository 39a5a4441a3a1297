// Keeps the upper triangle instead of the lower: every query looks only at itself and later keys.
function attentionWeights(q: tf.Tensor, k: tf.Tensor, causal: boolean): tf.Tensor {
  const dK = q.shape[q.shape.length - 1];
  let scores = tf.matMul(q, k, false, true).div(Math.sqrt(dK));
  if (causal) {
    const n = q.shape[q.shape.length - 2];
    const allowed = tf.linalg.bandPart(tf.ones([n, n]), 0, -1);
    scores = scores.add(tf.scalar(1).sub(allowed).mul(-1e9));
  }
  return tf.softmax(scores);
}

function attention(q: tf.Tensor, k: tf.Tensor, v: tf.Tensor, causal: boolean): tf.Tensor {
  return tf.matMul(attentionWeights(q, k, causal), v);
}
