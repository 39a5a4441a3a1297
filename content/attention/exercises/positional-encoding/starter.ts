function positionalEncoding(length: number, dModel: number): tf.Tensor2D {
  const rows: number[][] = [];
  for (let pos = 0; pos < length; pos++) {
    // Your code: columns 2i and 2i + 1 for each pair i.
    rows.push(new Array(dModel).fill(0));
  }
  return tf.tensor2d(rows, [length, dModel]);
}

function addPositions(embeddings: tf.Tensor3D): tf.Tensor3D {
  // Your code
  return embeddings;
}
