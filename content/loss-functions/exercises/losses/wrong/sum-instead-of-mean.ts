function mse(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Tensor {
  return yPred.sub(yTrue).square().sum();
}

function binaryCrossEntropy(yTrue: tf.Tensor, pPred: tf.Tensor): tf.Tensor {
  const p = pPred.clipByValue(1e-7, 1 - 1e-7);
  return yTrue.mul(p.log()).add(tf.scalar(1).sub(yTrue).mul(tf.scalar(1).sub(p).log())).mean().neg();
}
