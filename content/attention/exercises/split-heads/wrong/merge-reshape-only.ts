// Splits correctly, but merges with a reshape alone, which puts a head's rows side by side instead of the heads.
function splitHeads(x: tf.Tensor3D, heads: number): tf.Tensor4D {
  const [b, n, dModel] = x.shape;
  return x.reshape([b, n, heads, dModel / heads]).transpose([0, 2, 1, 3]);
}

function mergeHeads(x: tf.Tensor4D): tf.Tensor3D {
  const [b, heads, n, dK] = x.shape;
  return x.reshape([b, n, heads * dK]);
}
