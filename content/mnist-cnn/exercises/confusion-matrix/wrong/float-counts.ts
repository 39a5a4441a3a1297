// Right counts, but left as floats.
function confusionMatrix(labels: tf.Tensor1D, predictions: tf.Tensor1D, numClasses: number): tf.Tensor2D {
  return tf.tidy(() => {
    const trueRows = tf.oneHot(labels.toInt(), numClasses).toFloat();
    const predictedRows = tf.oneHot(predictions.toInt(), numClasses).toFloat();
    return tf.matMul(trueRows, predictedRows, true, false) as tf.Tensor2D;
  });
}
