// Divides the squared deviations by d − 1 (the sample variance) instead of d.
function layerNorm(x: tf.Tensor, gamma: tf.Tensor, beta: tf.Tensor, epsilon: number): tf.Tensor {
  return tf.tidy(() => {
    const d = x.shape[x.shape.length - 1];
    const mean = x.mean(-1, true);
    const variance = x.sub(mean).square().sum(-1, true).div(d - 1);
    return x.sub(mean).div(variance.add(epsilon).sqrt()).mul(gamma).add(beta);
  });
}
