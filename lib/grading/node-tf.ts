/**
 * TensorFlow.js for the grader process's own use (building test inputs and
 * expected values): the union package, whose Node build has every op and
 * gradient, on the pure-JavaScript cpu backend (tfjs-node needs a native
 * library that cannot be installed here; the tests' tensors are tiny).
 */
import * as tf from "@tensorflow/tfjs";

// PROD silences tfjs's "install tfjs-node" banner, which would otherwise print in every grader.
tf.env().set("PROD", true);
void tf.setBackend("cpu");

export { tf };
