function crossCorrelate(image: tf.Tensor2D, kernel: tf.Tensor2D, stride: number): tf.Tensor2D {
  const I = image.arraySync();
  const K = kernel.arraySync();
  const [kh, kw] = [K.length, K[0].length];
  const rows = Math.floor((I.length - kh) / stride) + 1;
  const cols = Math.floor((I[0].length - kw) / stride) + 1;
  const out: number[][] = [];
  for (let i = 0; i < rows; i++) {
    out.push([]);
    for (let j = 0; j < cols; j++) {
      let sum = 0;
      for (let m = 0; m < kh; m++) for (let n = 0; n < kw; n++) sum += I[stride * i + m][stride * j + n] * K[m][n];
      out[i].push(sum);
    }
  }
  return tf.tensor2d(out);
}

function maxPool(image: tf.Tensor2D, size: number): tf.Tensor2D {
  const I = image.arraySync();
  const rows = Math.floor(I.length / size);
  const cols = Math.floor(I[0].length / size);
  const out: number[][] = [];
  for (let i = 0; i < rows; i++) {
    out.push([]);
    for (let j = 0; j < cols; j++) {
      let best = -Infinity;
      for (let m = 0; m < size; m++) for (let n = 0; n < size; n++) best = Math.max(best, I[size * i + m][size * j + n]);
      out[i].push(best);
    }
  }
  return tf.tensor2d(out);
}
