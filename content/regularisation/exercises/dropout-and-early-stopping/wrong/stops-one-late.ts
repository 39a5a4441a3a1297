// Waits one epoch too many: stops when the count exceeds the patience instead of reaching it.
function invertedDropout(h: tf.Tensor, mask: tf.Tensor, rate: number): tf.Tensor {
  return tf.tidy(() => h.mul(mask).div(1 - rate));
}

function earlyStopping(losses: number[], patience: number): number[] {
  let best = Infinity;
  let bestEpoch = 0;
  let waited = 0;
  for (let epoch = 1; epoch <= losses.length; epoch++) {
    if (losses[epoch - 1] < best) {
      best = losses[epoch - 1];
      bestEpoch = epoch;
      waited = 0;
    } else if (++waited > patience) {
      return [epoch, bestEpoch];
    }
  }
  return [losses.length, bestEpoch];
}
