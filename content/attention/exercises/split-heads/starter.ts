function splitHeads(x: tf.Tensor3D, heads: number): tf.Tensor4D {
  const [b, n, dModel] = x.shape;
  const dK = dModel / heads;
  // Your code: the result has shape [b, heads, n, dK].
  return tf.zeros([b, heads, n, dK]);
}

function mergeHeads(x: tf.Tensor4D): tf.Tensor3D {
  const [b, heads, n, dK] = x.shape;
  // Your code: the result has shape [b, n, heads * dK].
  return tf.zeros([b, n, heads * dK]);
}
