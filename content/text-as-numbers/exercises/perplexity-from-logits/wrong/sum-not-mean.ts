// Adds the cross-entropies of the steps instead of averaging them, so longer texts look worse.
function perplexity(logits: tf.Tensor2D, targets: tf.Tensor1D): tf.Scalar {
  return tf.tidy(() => {
    const vocabulary = logits.shape[1];
    const peak = logits.max(1, true);
    const logNormaliser = logits.sub(peak).exp().sum(1).log().add(peak.squeeze([1]));
    const targetLogit = logits.mul(tf.oneHot(targets.toInt(), vocabulary)).sum(1);
    const crossEntropy = logNormaliser.sub(targetLogit).sum();
    return crossEntropy.exp() as tf.Scalar;
  });
}
