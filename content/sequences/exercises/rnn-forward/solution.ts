function rnnForward(xs: tf.Tensor3D, h0: tf.Tensor2D, Wxh: tf.Tensor2D, Whh: tf.Tensor2D, b: tf.Tensor1D): tf.Tensor3D {
  return tf.tidy(() => {
    const states: tf.Tensor[] = [];
    let state: tf.Tensor = h0;
    for (const input of tf.unstack(xs)) {
      // Rows are sequences: X_t W_xhᵀ + H_{t−1} W_hhᵀ + b, then tanh.
      const preActivation = tf.matMul(input, Wxh, false, true).add(tf.matMul(state, Whh, false, true)).add(b);
      state = tf.tanh(preActivation);
      states.push(state);
    }
    return tf.stack(states) as tf.Tensor3D;
  });
}
