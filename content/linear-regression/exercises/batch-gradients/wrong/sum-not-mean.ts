// Sums over the batch instead of averaging: the gradient grows with the number of examples.
function batchGradients(X: tf.Tensor2D, y: tf.Tensor2D, w: tf.Tensor2D, b: tf.Scalar): [tf.Tensor2D, tf.Scalar] {
  return tf.tidy(() => {
    const error = X.matMul(w).add(b).sub(y);
    return [X.transpose().matMul(error) as tf.Tensor2D, error.sum() as tf.Scalar];
  });
}
