function outputSize(n: number, k: number, stride: number, padding: number): number {
  return Math.floor((n + 2 * padding - k) / stride) + 1;
}

function convSame(image: tf.Tensor2D, kernel: tf.Tensor2D): tf.Tensor2D {
  const [h, w] = image.shape;
  const [kh, kw] = kernel.shape;
  return tf.tidy(() => {
    const input = image.reshape([1, h, w, 1]) as tf.Tensor4D;
    const filter = kernel.reshape([kh, kw, 1, 1]) as tf.Tensor4D;
    return tf.conv2d(input, filter, 1, "same").reshape([h, w]) as tf.Tensor2D;
  });
}
