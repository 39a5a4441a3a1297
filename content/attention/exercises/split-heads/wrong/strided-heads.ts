// Splits the last axis as [d_k, h]: head i gets every h-th column (i, i + h, …) instead of a block of d_k columns.
function splitHeads(x: tf.Tensor3D, heads: number): tf.Tensor4D {
  const [b, n, dModel] = x.shape;
  return x.reshape([b, n, dModel / heads, heads]).transpose([0, 3, 1, 2]);
}

function mergeHeads(x: tf.Tensor4D): tf.Tensor3D {
  const [b, heads, n, dK] = x.shape;
  return x.transpose([0, 2, 3, 1]).reshape([b, n, heads * dK]);
}
