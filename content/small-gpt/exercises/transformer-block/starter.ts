type Linear = { w: tf.Tensor; b: tf.Tensor };
type BlockWeights = {
  ln1: { gamma: tf.Tensor; beta: tf.Tensor };
  attention: { q: Linear; k: Linear; v: Linear; o: Linear };
  ln2: { gamma: tf.Tensor; beta: tf.Tensor };
  mlp: { up: Linear; down: Linear };
};

function transformerBlock(x: tf.Tensor, w: BlockWeights, heads: number): tf.Tensor {
  const [b, T, d] = x.shape;
  const dK = d / heads;
  // 1. a = x + MHA(LN₁(x)), with the causal mask.
  // 2. return a + MLP(LN₂(a)), the MLP with GELU.
  return x;
}
