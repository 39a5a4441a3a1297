// Returns only the last state H_T, not every state.
function rnnForward(xs: tf.Tensor3D, h0: tf.Tensor2D, Wxh: tf.Tensor2D, Whh: tf.Tensor2D, b: tf.Tensor1D): tf.Tensor3D {
  return tf.tidy(() => {
    let state: tf.Tensor = h0;
    for (const input of tf.unstack(xs)) {
      state = tf.tanh(tf.matMul(input, Wxh, false, true).add(tf.matMul(state, Whh, false, true)).add(b));
    }
    return state as unknown as tf.Tensor3D;
  });
}
