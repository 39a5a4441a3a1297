function batchGradients(X: tf.Tensor2D, y: tf.Tensor2D, w: tf.Tensor2D, b: tf.Scalar): [tf.Tensor2D, tf.Scalar] {
  return tf.tidy(() => {
    const n = X.shape[0];
    const error = X.matMul(w).add(b).sub(y);
    return [X.transpose().matMul(error).div(n) as tf.Tensor2D, error.mean() as tf.Scalar];
  });
}
