function mse(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Tensor {
  return yPred.sub(yTrue).square().mean();
}

function binaryCrossEntropy(yTrue: tf.Tensor, pPred: tf.Tensor): tf.Tensor {
  // log(0) is -Infinity, and 0 * -Infinity is NaN.
  return yTrue.mul(pPred.log()).add(tf.scalar(1).sub(yTrue).mul(tf.scalar(1).sub(pPred).log())).mean().neg();
}
