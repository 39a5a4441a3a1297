function penalty(w: tf.Tensor, l1: number, l2: number): tf.Scalar {
  // Your code
  return tf.scalar(0);
}

function penaltyGradient(w: tf.Tensor, l1: number, l2: number): tf.Tensor {
  // Your code
  return tf.zerosLike(w);
}
