// Forgets the absolute value: errors above and below cancel out.
function mae(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Scalar {
  return tf.tidy(() => yPred.sub(yTrue).mean() as tf.Scalar);
}

function sparseCrossEntropy(labels: tf.Tensor1D, logits: tf.Tensor2D): tf.Scalar {
  return tf.tidy(() => {
    const m = logits.max(1, true);
    const logSumExp = logits.sub(m).exp().sum(1, true).log().add(m).squeeze([1]);
    const trueLogit = tf.oneHot(labels.toInt(), logits.shape[1]).mul(logits).sum(1);
    return logSumExp.sub(trueLogit).mean() as tf.Scalar;
  });
}
