// Multiplies by W_hh instead of W_hhᵀ: the same shape, so nothing throws, but the wrong entries meet.
function rnnForward(xs: tf.Tensor3D, h0: tf.Tensor2D, Wxh: tf.Tensor2D, Whh: tf.Tensor2D, b: tf.Tensor1D): tf.Tensor3D {
  return tf.tidy(() => {
    const states: tf.Tensor[] = [];
    let state: tf.Tensor = h0;
    for (const input of tf.unstack(xs)) {
      state = tf.tanh(tf.matMul(input, Wxh, false, true).add(tf.matMul(state, Whh)).add(b));
      states.push(state);
    }
    return tf.stack(states) as tf.Tensor3D;
  });
}
