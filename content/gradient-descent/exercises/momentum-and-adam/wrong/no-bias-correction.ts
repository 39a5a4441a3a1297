// Skips the bias correction: the first steps are several times too large.
function momentumStep(theta: tf.Tensor, velocity: tf.Tensor, grad: tf.Tensor, learningRate: number, beta: number): tf.Tensor[] {
  return tf.tidy(() => {
    const newVelocity = velocity.mul(beta).add(grad);
    return [theta.sub(newVelocity.mul(learningRate)), newVelocity];
  });
}

function adamStep(theta: tf.Tensor, m: tf.Tensor, v: tf.Tensor, grad: tf.Tensor, t: number, learningRate: number, beta1: number, beta2: number, epsilon: number): tf.Tensor[] {
  return tf.tidy(() => {
    const newM = m.mul(beta1).add(grad.mul(1 - beta1));
    const newV = v.mul(beta2).add(grad.square().mul(1 - beta2));
    const mHat = newM;
    const vHat = newV;
    return [theta.sub(mHat.div(vHat.sqrt().add(epsilon)).mul(learningRate)), newM, newV];
  });
}
