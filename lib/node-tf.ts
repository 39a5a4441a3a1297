/**
 * TensorFlow.js for the grader process's own use (building test inputs and
 * expected values) and for the predictor process (running served models):
 * the union package, whose Node build has every op, gradient and layer, on
 * the pure-JavaScript cpu backend (tfjs-node needs a native library that
 * cannot be installed here).
 */
import * as tf from "@tensorflow/tfjs";

// PROD silences tfjs's "install tfjs-node" banner, which would otherwise print in every grader.
tf.env().set("PROD", true);
void tf.setBackend("cpu");

export { tf };
