function mse(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Tensor {
  return tf.tidy(() => yPred.sub(yTrue).square().mean());
}

function binaryCrossEntropy(yTrue: tf.Tensor, pPred: tf.Tensor): tf.Tensor {
  const epsilon = 1e-7;
  return tf.tidy(() => {
    const p = pPred.clipByValue(epsilon, 1 - epsilon);
    const positives = yTrue.mul(p.log());
    const negatives = tf.scalar(1).sub(yTrue).mul(tf.scalar(1).sub(p).log());
    return positives.add(negatives).mean().neg();
  });
}
