function backward(X: tf.Tensor2D, Y: tf.Tensor2D, W1: tf.Tensor2D, b1: tf.Tensor1D, W2: tf.Tensor2D, b2: tf.Scalar): tf.Tensor[] {
  const n = X.shape[0];
  // Forward: keep the intermediates.
  const Z1 = X.matMul(W1).add(b1);
  // Your code: H, Ŷ, then the backward pass.
  return [W1, b1, W2, b2];
}
