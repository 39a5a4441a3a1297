function predictClasses(probabilities: tf.Tensor2D): tf.Tensor2D {
  // Your code
  return probabilities;
}

function binaryAccuracy(labels: tf.Tensor2D, probabilities: tf.Tensor2D): tf.Scalar {
  // Your code
  return tf.scalar(0);
}
