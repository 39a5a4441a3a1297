// Adds the pairs' losses instead of averaging them: the loss, and the step size, grow with the batch.
function skipGramLoss(center: tf.Tensor2D, context: tf.Tensor2D, negatives: tf.Tensor3D): tf.Scalar {
  return tf.tidy(() => {
    const positiveScore = center.mul(context).sum(1);
    const negativeScores = negatives.mul(center.expandDims(1)).sum(2);
    // −log σ(x) = softplus(−x): finite for any x.
    const attract = tf.softplus(positiveScore.neg());
    const repel = tf.softplus(negativeScores).sum(1);
    return attract.add(repel).sum() as tf.Scalar;
  });
}
