// Reshapes straight to [b, h, n, d_k]: the right shape, but each "head" holds whole rows of several positions.
function splitHeads(x: tf.Tensor3D, heads: number): tf.Tensor4D {
  const [b, n, dModel] = x.shape;
  return x.reshape([b, heads, n, dModel / heads]);
}

function mergeHeads(x: tf.Tensor4D): tf.Tensor3D {
  const [b, heads, n, dK] = x.shape;
  return x.reshape([b, n, heads * dK]);
}
