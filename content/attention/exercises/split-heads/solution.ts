function splitHeads(x: tf.Tensor3D, heads: number): tf.Tensor4D {
  const [b, n, dModel] = x.shape;
  const dK = dModel / heads;
  // Cut only the last axis into heads, then move the heads in front of the positions.
  return x.reshape([b, n, heads, dK]).transpose([0, 2, 1, 3]);
}

function mergeHeads(x: tf.Tensor4D): tf.Tensor3D {
  const [b, heads, n, dK] = x.shape;
  return x.transpose([0, 2, 1, 3]).reshape([b, n, heads * dK]);
}
