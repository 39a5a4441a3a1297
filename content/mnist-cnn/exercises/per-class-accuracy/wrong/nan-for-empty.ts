// 0 / 0 for a class with no examples gives NaN.
function perClassAccuracy(matrix: tf.Tensor2D): tf.Tensor1D {
  return tf.tidy(() => {
    const counts = matrix.toFloat();
    const correct = counts.mul(tf.eye(counts.shape[0])).sum(1);
    return correct.div(counts.sum(1)) as tf.Tensor1D;
  });
}
