// Adds ε to the standard deviation instead of to the variance: √σ² + ε.
function layerNorm(x: tf.Tensor, gamma: tf.Tensor, beta: tf.Tensor, epsilon: number): tf.Tensor {
  return tf.tidy(() => {
    const { mean, variance } = tf.moments(x, -1, true);
    return x.sub(mean).div(variance.sqrt().add(epsilon)).mul(gamma).add(beta);
  });
}
