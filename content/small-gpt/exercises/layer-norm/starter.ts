function layerNorm(x: tf.Tensor, gamma: tf.Tensor, beta: tf.Tensor, epsilon: number): tf.Tensor {
  // 1. The mean and variance of each vector along the last axis (keep the axis, to broadcast).
  // 2. Normalise: (x − μ) / √(σ² + ε).
  // 3. Scale by γ and shift by β.
  return x;
}
