function loss(x: tf.Tensor1D, y: tf.Tensor1D, w: number, b: number): number {
  return tf.tidy(() => x.mul(w).add(b).sub(y).square().mean().div(2).dataSync()[0]!);
}

function gradients(x: tf.Tensor1D, y: tf.Tensor1D, w: number, b: number): { dw: number; db: number } {
  return tf.tidy(() => {
    const error = x.mul(w).add(b).sub(y);
    return { dw: error.mul(x).mean().dataSync()[0]!, db: error.mean().dataSync()[0]! };
  });
}

function step(x: tf.Tensor1D, y: tf.Tensor1D, w: number, b: number, learningRate: number): { w: number; b: number } {
  const { dw, db } = gradients(x, y, w, b);
  return { w: w - learningRate * dw, b: b - learningRate * db };
}

function train(x: tf.Tensor1D, y: tf.Tensor1D, learningRate: number, steps: number): { w: number; b: number; losses: number[] } {
  let params = { w: 0, b: 0 };
  const losses: number[] = [];
  for (let t = 0; t < steps; t++) {
    losses.push(loss(x, y, params.w, params.b));
    params = step(x, y, params.w, params.b, learningRate);
  }
  return { ...params, losses };
}
