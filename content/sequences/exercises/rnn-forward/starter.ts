function rnnForward(xs: tf.Tensor3D, h0: tf.Tensor2D, Wxh: tf.Tensor2D, Whh: tf.Tensor2D, b: tf.Tensor1D): tf.Tensor3D {
  // For each step t: H_t = tanh(X_t W_xhᵀ + H_{t−1} W_hhᵀ + b), starting from H_0 = h0.
  // Return H_1 … H_T stacked: shape [T, B, H].
  return tf.zeros([xs.shape[0], h0.shape[0], h0.shape[1]]);
}
