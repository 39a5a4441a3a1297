function sigmoidDerivative(z: tf.Tensor): tf.Tensor {
  // Your code
  return z;
}

function chainGradient(x: number, weights: number[]): number {
  // Your code: forward through the chain, multiplying one factor per layer.
  return 1;
}
