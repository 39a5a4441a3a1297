function leastSquares(X: tf.Tensor2D, y: tf.Tensor2D): tf.Tensor1D {
  // Your code: build X̃ᵀX̃ and X̃ᵀy, then solve the system by Gaussian elimination.
  return tf.zeros([X.shape[1] + 1]);
}
