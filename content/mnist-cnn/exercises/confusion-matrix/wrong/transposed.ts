// Rows are predictions and columns true classes: the transpose of the convention.
function confusionMatrix(labels: tf.Tensor1D, predictions: tf.Tensor1D, numClasses: number): tf.Tensor2D {
  return tf.tidy(() => {
    const trueRows = tf.oneHot(labels.toInt(), numClasses).toFloat();
    const predictedRows = tf.oneHot(predictions.toInt(), numClasses).toFloat();
    return tf.matMul(predictedRows, trueRows, true, false).toInt() as tf.Tensor2D;
  });
}
