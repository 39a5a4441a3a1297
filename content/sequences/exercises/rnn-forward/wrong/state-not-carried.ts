// Uses h0 at every step instead of the previous state: each step forgets the one before.
function rnnForward(xs: tf.Tensor3D, h0: tf.Tensor2D, Wxh: tf.Tensor2D, Whh: tf.Tensor2D, b: tf.Tensor1D): tf.Tensor3D {
  return tf.tidy(() => {
    const states: tf.Tensor[] = [];
    for (const input of tf.unstack(xs)) {
      states.push(tf.tanh(tf.matMul(input, Wxh, false, true).add(tf.matMul(h0, Whh, false, true)).add(b)));
    }
    return tf.stack(states) as tf.Tensor3D;
  });
}
