function gradients(x: tf.Tensor1D, y: tf.Tensor1D, w: number, b: number): { dw: number; db: number } {
  // Your code: the mean of (ŷ − y)·x and the mean of (ŷ − y).
  return { dw: 0, db: 0 };
}

function step(x: tf.Tensor1D, y: tf.Tensor1D, w: number, b: number, learningRate: number): { w: number; b: number } {
  // Your code: one gradient-descent update.
  return { w, b };
}

function train(x: tf.Tensor1D, y: tf.Tensor1D, learningRate: number, steps: number): { w: number; b: number; losses: number[] } {
  let w = 0;
  let b = 0;
  const losses: number[] = [];
  // Your code: record the loss, then step, `steps` times.
  return { w, b, losses };
}
