function crossCorrelate(image: tf.Tensor2D, kernel: tf.Tensor2D, stride: number): tf.Tensor2D {
  const I = image.arraySync();
  const K = kernel.arraySync();
  // Your code: loop over output positions, then over the kernel.
  return tf.tensor2d(I);
}

function maxPool(image: tf.Tensor2D, size: number): tf.Tensor2D {
  const I = image.arraySync();
  // Your code
  return tf.tensor2d(I);
}
