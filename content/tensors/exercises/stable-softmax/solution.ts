function softmax(logits: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => {
    const shifted = logits.sub(logits.max(1, true));
    const e = shifted.exp();
    return e.div(e.sum(1, true)) as tf.Tensor2D;
  });
}
