function sigmoidDerivative(z: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    const s = tf.sigmoid(z);
    return s.mul(tf.scalar(1).sub(s));
  });
}

function chainGradient(x: number, weights: number[]): number {
  const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
  let a = x;
  let gradient = 1;
  for (const w of weights) {
    const z = w * a;
    const s = sigmoid(z);
    gradient *= s * (1 - s) * w;
    a = s;
  }
  return gradient;
}
