function predictClasses(probabilities: tf.Tensor2D): tf.Tensor2D {
  return probabilities.greater(0.5).toFloat() as tf.Tensor2D;
}

function binaryAccuracy(labels: tf.Tensor2D, probabilities: tf.Tensor2D): tf.Scalar {
  return tf.tidy(() => predictClasses(probabilities).equal(labels).toFloat().mean() as tf.Scalar);
}
