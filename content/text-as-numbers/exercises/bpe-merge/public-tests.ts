const spell = (word: string) => [...word, "_"];

test("the worked example's first merge", { points: 2 }, async () => {
  // low 5, lower 2, newest 6, widest 3: e s, s t and t _ all count 9; e s is met first.
  const result = await learner.mergeStep(["low", "lower", "newest", "widest"].map(spell), [5, 2, 6, 3]);
  expect.equal(result.pair, ["e", "s"], "the largest count is 9, shared by (e, s), (s, t) and (t, _): take the one met first");
  expect.equal(result.words, [
    ["l", "o", "w", "_"],
    ["l", "o", "w", "e", "r", "_"],
    ["n", "e", "w", "es", "t", "_"],
    ["w", "i", "d", "es", "t", "_"],
  ]);
});

test("occurrences of a pair do not overlap", async () => {
  // (a, a) counts 2 in "a a a" and 3 in "a a a a"; merging from the left leaves "aa a" and "aa aa".
  const result = await learner.mergeStep([["a", "a", "a"], ["a", "a", "a", "a"]], [1, 1]);
  expect.equal(result.pair, ["a", "a"]);
  expect.equal(result.words, [["aa", "a"], ["aa", "aa"]], "after merging a pair, continue after its second symbol");
});

test("nothing to merge", async () => {
  const result = await learner.mergeStep([["the_"], ["a_"]], [10, 4]);
  expect.equal(result.pair, null, "no word has two symbols, so there is no pair: return pair null");
  expect.equal(result.words, [["the_"], ["a_"]]);
});
