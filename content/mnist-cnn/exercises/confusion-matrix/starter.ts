function confusionMatrix(labels: tf.Tensor1D, predictions: tf.Tensor1D, numClasses: number): tf.Tensor2D {
  // Your code
  return tf.zeros([numClasses, numClasses], "int32");
}
