// Reduces over every element instead of each column: one mean and one deviation for all features.
function standardize(x: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => {
    const mean = x.mean();
    const std = x.sub(mean).square().mean().sqrt();
    return x.sub(mean).div(std) as tf.Tensor2D;
  });
}
