// Puts the cosines in the even columns and the sines in the odd ones.
function positionalEncoding(length: number, dModel: number): tf.Tensor2D {
  const rows: number[][] = [];
  for (let pos = 0; pos < length; pos++) {
    const row: number[] = [];
    for (let i = 0; i < dModel / 2; i++) {
      const omega = 1 / Math.pow(10000, (2 * i) / dModel);
      row.push(Math.cos(pos * omega), Math.sin(pos * omega));
    }
    rows.push(row);
  }
  return tf.tensor2d(rows, [length, dModel]);
}

function addPositions(embeddings: tf.Tensor3D): tf.Tensor3D {
  const [, n, dModel] = embeddings.shape;
  return embeddings.add(positionalEncoding(n, dModel));
}
