// Averages the gradients (v ← βv + (1 − β)g) as Adam does, which is not the momentum tf.train.momentum applies.
function momentumStep(theta: tf.Tensor, velocity: tf.Tensor, grad: tf.Tensor, learningRate: number, beta: number): tf.Tensor[] {
  return tf.tidy(() => {
    const newVelocity = velocity.mul(beta).add(grad.mul(1 - beta));
    return [theta.sub(newVelocity.mul(learningRate)), newVelocity];
  });
}

function adamStep(theta: tf.Tensor, m: tf.Tensor, v: tf.Tensor, grad: tf.Tensor, t: number, learningRate: number, beta1: number, beta2: number, epsilon: number): tf.Tensor[] {
  return tf.tidy(() => {
    const newM = m.mul(beta1).add(grad.mul(1 - beta1));
    const newV = v.mul(beta2).add(grad.square().mul(1 - beta2));
    const mHat = newM.div(1 - beta1 ** t);
    const vHat = newV.div(1 - beta2 ** t);
    return [theta.sub(mHat.div(vHat.sqrt().add(epsilon)).mul(learningRate)), newM, newV];
  });
}
