function dense(x: tf.Tensor2D, W: tf.Tensor2D, b: tf.Tensor1D, activation: string): tf.Tensor2D {
  // Your code
  return x;
}
