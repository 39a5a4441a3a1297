// Applies the activation before adding the bias: f(XW) + b instead of f(XW + b).
function dense(x: tf.Tensor2D, W: tf.Tensor2D, b: tf.Tensor1D, activation: string): tf.Tensor2D {
  return tf.tidy(() => {
    const xw = x.matMul(W);
    if (activation === "relu") return tf.relu(xw).add(b);
    if (activation === "sigmoid") return tf.sigmoid(xw).add(b);
    if (activation === "tanh") return tf.tanh(xw).add(b);
    return xw.add(b);
  }) as tf.Tensor2D;
}
