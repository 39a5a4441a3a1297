// Normalises each key's column over the queries instead of each query's row over the keys.
function attentionWeights(q: tf.Tensor, k: tf.Tensor, causal: boolean): tf.Tensor {
  const dK = q.shape[q.shape.length - 1];
  let scores = tf.matMul(q, k, false, true).div(Math.sqrt(dK));
  if (causal) {
    const n = q.shape[q.shape.length - 2];
    const allowed = tf.linalg.bandPart(tf.ones([n, n]), -1, 0);
    scores = scores.add(tf.scalar(1).sub(allowed).mul(-1e9));
  }
  const queriesAxis = scores.shape.length - 2;
  const e = scores.sub(scores.max(queriesAxis, true)).exp();
  return e.div(e.sum(queriesAxis, true));
}

function attention(q: tf.Tensor, k: tf.Tensor, v: tf.Tensor, causal: boolean): tf.Tensor {
  return tf.matMul(attentionWeights(q, k, causal), v);
}
