// Uses the column's own index in the exponent, so a cosine does not share its sine's frequency.
function positionalEncoding(length: number, dModel: number): tf.Tensor2D {
  const rows: number[][] = [];
  for (let pos = 0; pos < length; pos++) {
    const row: number[] = [];
    for (let column = 0; column < dModel; column++) {
      const omega = 1 / Math.pow(10000, column / dModel);
      row.push(column % 2 === 0 ? Math.sin(pos * omega) : Math.cos(pos * omega));
    }
    rows.push(row);
  }
  return tf.tensor2d(rows, [length, dModel]);
}

function addPositions(embeddings: tf.Tensor3D): tf.Tensor3D {
  const [, n, dModel] = embeddings.shape;
  return embeddings.add(positionalEncoding(n, dModel));
}
