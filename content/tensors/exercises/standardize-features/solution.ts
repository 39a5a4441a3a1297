function standardize(x: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => {
    const mean = x.mean(0, true);
    const std = x.sub(mean).square().mean(0, true).sqrt();
    return x.sub(mean).div(std) as tf.Tensor2D;
  });
}
