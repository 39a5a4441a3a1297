test("the lessons' two models", { points: 2 }, async () => {
  // The tiny GPT of the first lesson and the trained GPT of the second, both with their own output projection.
  expect.equal(await learner.gptParamCount({ vocabulary: 29, context: 16, dModel: 8, heads: 2, layers: 2, tied: false }), 2381, "2·29·8 + 16·8 + 2(12·8² + 13·8) + 2·8 + 29");
  expect.equal(await learner.gptParamCount({ vocabulary: 29, context: 64, dModel: 64, heads: 4, layers: 2, tied: false }), 107933);
});

test("one block of width 1", async () => {
  // V = 1, T = 1, d = 1, L = 1: E 1, P 1, the block 12 + 13 = 25, final norm 2, output 1 + 1: 31.
  expect.equal(await learner.gptParamCount({ vocabulary: 1, context: 1, dModel: 1, heads: 1, layers: 1, tied: false }), 31);
});
