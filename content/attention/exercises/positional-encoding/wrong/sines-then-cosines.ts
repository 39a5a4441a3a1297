// All the sines first, then all the cosines: the right numbers in the wrong columns.
function positionalEncoding(length: number, dModel: number): tf.Tensor2D {
  const rows: number[][] = [];
  for (let pos = 0; pos < length; pos++) {
    const row: number[] = [];
    const sines: number[] = [];
    const cosines: number[] = [];
    for (let i = 0; i < dModel / 2; i++) {
      const omega = 1 / Math.pow(10000, (2 * i) / dModel);
      sines.push(Math.sin(pos * omega));
      cosines.push(Math.cos(pos * omega));
    }
    row.push(...sines, ...cosines);
    rows.push(row);
  }
  return tf.tensor2d(rows, [length, dModel]);
}

function addPositions(embeddings: tf.Tensor3D): tf.Tensor3D {
  const [, n, dModel] = embeddings.shape;
  return embeddings.add(positionalEncoding(n, dModel));
}
