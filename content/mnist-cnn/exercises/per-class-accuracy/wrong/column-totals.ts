// Divides by column totals: that is precision (of the predictions of each class), not per-class accuracy.
function perClassAccuracy(matrix: tf.Tensor2D): tf.Tensor1D {
  return tf.tidy(() => {
    const counts = matrix.toFloat();
    const correct = counts.mul(tf.eye(counts.shape[0])).sum(1);
    return correct.div(tf.maximum(counts.sum(0), 1)) as tf.Tensor1D;
  });
}
