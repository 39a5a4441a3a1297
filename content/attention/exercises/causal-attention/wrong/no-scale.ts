// Forgets to divide the scores by √d_k: the softmax is sharper than it should be.
function attentionWeights(q: tf.Tensor, k: tf.Tensor, causal: boolean): tf.Tensor {
  let scores = tf.matMul(q, k, false, true);
  if (causal) {
    const n = q.shape[q.shape.length - 2];
    const allowed = tf.linalg.bandPart(tf.ones([n, n]), -1, 0);
    scores = scores.add(tf.scalar(1).sub(allowed).mul(-1e9));
  }
  return tf.softmax(scores);
}

function attention(q: tf.Tensor, k: tf.Tensor, v: tf.Tensor, causal: boolean): tf.Tensor {
  return tf.matMul(attentionWeights(q, k, causal), v);
}
