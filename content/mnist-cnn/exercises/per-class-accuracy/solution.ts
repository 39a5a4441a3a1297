function perClassAccuracy(matrix: tf.Tensor2D): tf.Tensor1D {
  return tf.tidy(() => {
    const counts = matrix.toFloat();
    const correct = counts.mul(tf.eye(counts.shape[0])).sum(1);
    const totals = counts.sum(1);
    return correct.div(tf.maximum(totals, 1)) as tf.Tensor1D;
  });
}
