function dense(x: tf.Tensor2D, W: tf.Tensor2D, b: tf.Tensor1D, activation: string): tf.Tensor2D {
  return tf.tidy(() => {
    const z = x.matMul(W).add(b);
    if (activation === "relu") return tf.relu(z);
    if (activation === "sigmoid") return tf.sigmoid(z);
    if (activation === "tanh") return tf.tanh(z);
    return z;
  }) as tf.Tensor2D;
}
