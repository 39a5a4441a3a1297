// Reduces along the wrong axis: standardises each example (row) instead of each feature (column).
function standardize(x: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => {
    const mean = x.mean(1, true);
    const std = x.sub(mean).square().mean(1, true).sqrt();
    return x.sub(mean).div(std) as tf.Tensor2D;
  });
}
