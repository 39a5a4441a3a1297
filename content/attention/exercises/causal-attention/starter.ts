function attentionWeights(q: tf.Tensor, k: tf.Tensor, causal: boolean): tf.Tensor {
  const dK = q.shape[q.shape.length - 1];
  // Your code: scores, the mask when causal is true, then the softmax over the keys.
  return tf.matMul(q, k, false, true);
}

function attention(q: tf.Tensor, k: tf.Tensor, v: tf.Tensor, causal: boolean): tf.Tensor {
  // Your code
  return v;
}
