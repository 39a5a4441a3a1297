function backward(X: tf.Tensor2D, Y: tf.Tensor2D, W1: tf.Tensor2D, b1: tf.Tensor1D, W2: tf.Tensor2D, b2: tf.Scalar): tf.Tensor[] {
  return tf.tidy(() => {
    const n = X.shape[0];
    const Z1 = X.matMul(W1).add(b1);
    const H = Z1.relu();
    const Yhat = H.matMul(W2).add(b2);
    const dYhat = Yhat.sub(Y).div(n);
    const dW2 = H.transpose().matMul(dYhat);
    const db2 = dYhat.sum();
    const dZ1 = dYhat.matMul(W2.transpose()).mul(Z1.greater(0).toFloat());
    const dW1 = X.transpose().matMul(dZ1);
    const db1 = dZ1.sum(0);
    return [dW1, db1, dW2, db2];
  });
}
