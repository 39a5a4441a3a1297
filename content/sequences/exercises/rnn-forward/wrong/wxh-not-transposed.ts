// Multiplies X_t by W_xh instead of W_xhᵀ: the shapes fit only when D = H.
function rnnForward(xs: tf.Tensor3D, h0: tf.Tensor2D, Wxh: tf.Tensor2D, Whh: tf.Tensor2D, b: tf.Tensor1D): tf.Tensor3D {
  return tf.tidy(() => {
    const states: tf.Tensor[] = [];
    let state: tf.Tensor = h0;
    for (const input of tf.unstack(xs)) {
      state = tf.tanh(tf.matMul(input, Wxh).add(tf.matMul(state, Whh, false, true)).add(b));
      states.push(state);
    }
    return tf.stack(states) as tf.Tensor3D;
  });
}
