function skipGramLoss(center: tf.Tensor2D, context: tf.Tensor2D, negatives: tf.Tensor3D): tf.Scalar {
  // 1. The score of each true pair, u_b · v_b: shape [B].
  // 2. The score of each negative, u_{b,k} · v_b: shape [B, K].
  // 3. −log σ(true score) − Σ_k log σ(−negative score), averaged over the batch.
  return tf.scalar(0);
}
