function confusionMatrix(labels: tf.Tensor1D, predictions: tf.Tensor1D, numClasses: number): tf.Tensor2D {
  return tf.tidy(() => {
    const trueRows = tf.oneHot(labels.toInt(), numClasses).toFloat();
    const predictedRows = tf.oneHot(predictions.toInt(), numClasses).toFloat();
    // (Lᵀ P)[i, j] = Σₑ L[e, i] · P[e, j]: the examples labelled i and predicted j.
    return tf.matMul(trueRows, predictedRows, true, false).toInt() as tf.Tensor2D;
  });
}
