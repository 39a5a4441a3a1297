function outputSize(n: number, k: number, stride: number, padding: number): number {
  // Your code
  return n;
}

function convSame(image: tf.Tensor2D, kernel: tf.Tensor2D): tf.Tensor2D {
  // Your code: reshape to 4-D, convolve, reshape back.
  return image;
}
