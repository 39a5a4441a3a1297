// Treats the negatives like the true pair, −log σ(+score): it pulls random words closer instead of pushing them away.
function skipGramLoss(center: tf.Tensor2D, context: tf.Tensor2D, negatives: tf.Tensor3D): tf.Scalar {
  return tf.tidy(() => {
    const positiveScore = center.mul(context).sum(1);
    const negativeScores = negatives.mul(center.expandDims(1)).sum(2);
    // −log σ(x) = softplus(−x): finite for any x.
    const attract = tf.softplus(positiveScore.neg());
    const repel = tf.softplus(negativeScores.neg()).sum(1);
    return attract.add(repel).mean() as tf.Scalar;
  });
}
