// Forgets the 2 from differentiating w².
function penalty(w: tf.Tensor, l1: number, l2: number): tf.Scalar {
  return tf.tidy(() => w.abs().sum().mul(l1).add(w.square().sum().mul(l2)) as tf.Scalar);
}

function penaltyGradient(w: tf.Tensor, l1: number, l2: number): tf.Tensor {
  return tf.tidy(() => tf.sign(w).mul(l1).add(w.mul(l2)));
}
