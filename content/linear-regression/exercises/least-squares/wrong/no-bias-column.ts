// Forgets the column of ones: the line is forced through the origin and the bias is missing.
function solve(A: number[][], c: number[]): number[] {
  const size = c.length;
  for (let col = 0; col < size; col++) {
    let pivot = col;
    for (let row = col + 1; row < size; row++) if (Math.abs(A[row][col]) > Math.abs(A[pivot][col])) pivot = row;
    [A[col], A[pivot]] = [A[pivot], A[col]];
    [c[col], c[pivot]] = [c[pivot], c[col]];
    for (let row = col + 1; row < size; row++) {
      const factor = A[row][col] / A[col][col];
      for (let k = col; k < size; k++) A[row][k] -= factor * A[col][k];
      c[row] -= factor * c[col];
    }
  }
  const x = new Array(size).fill(0);
  for (let row = size - 1; row >= 0; row--) {
    let sum = c[row];
    for (let k = row + 1; k < size; k++) sum -= A[row][k] * x[k];
    x[row] = sum / A[row][row];
  }
  return x;
}

function leastSquares(X: tf.Tensor2D, y: tf.Tensor2D): tf.Tensor1D {
  const Xb = X;
  const A = Xb.transpose().matMul(Xb).arraySync() as number[][];
  const c = (Xb.transpose().matMul(y).arraySync() as number[][]).map((row) => row[0]);
  return tf.tensor1d(solve(A, c));
}
