function momentumStep(theta: tf.Tensor, velocity: tf.Tensor, grad: tf.Tensor, learningRate: number, beta: number): tf.Tensor[] {
  // Your code
  return [theta, velocity];
}

function adamStep(theta: tf.Tensor, m: tf.Tensor, v: tf.Tensor, grad: tf.Tensor, t: number, learningRate: number, beta1: number, beta2: number, epsilon: number): tf.Tensor[] {
  // Your code
  return [theta, m, v];
}
