// Normalises each column (over the examples) instead of each row (over the classes).
function softmax(logits: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => {
    const shifted = logits.sub(logits.max(0, true));
    const e = shifted.exp();
    return e.div(e.sum(0, true)) as tf.Tensor2D;
  });
}
