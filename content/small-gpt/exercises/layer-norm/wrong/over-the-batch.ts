// Normalises each feature over the batch (axis 0), as batch normalisation does, instead of each vector over its features.
function layerNorm(x: tf.Tensor, gamma: tf.Tensor, beta: tf.Tensor, epsilon: number): tf.Tensor {
  return tf.tidy(() => {
    const { mean, variance } = tf.moments(x, 0, true);
    return x.sub(mean).div(variance.add(epsilon).sqrt()).mul(gamma).add(beta);
  });
}
