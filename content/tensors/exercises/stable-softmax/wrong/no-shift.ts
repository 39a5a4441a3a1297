// The textbook formula without the shift: exp(1000) overflows to Infinity, and Infinity / Infinity is NaN.
function softmax(logits: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => {
    const e = logits.exp();
    return e.div(e.sum(1, true)) as tf.Tensor2D;
  });
}
