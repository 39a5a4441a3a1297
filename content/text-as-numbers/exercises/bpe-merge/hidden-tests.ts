/** The rule the prompt states, written as plainly as possible: what the learner's step must equal. */
function reference(words: string[][], counts: number[]) {
  const order: Array<[string, string]> = [];
  const totals: number[] = [];
  words.forEach((symbols, w) => {
    for (let i = 0; i + 1 < symbols.length; i++) {
      let k = order.findIndex(([x, y]) => x === symbols[i] && y === symbols[i + 1]);
      if (k < 0) {
        order.push([symbols[i]!, symbols[i + 1]!]);
        totals.push(0);
        k = order.length - 1;
      }
      totals[k] = totals[k]! + counts[w]!;
    }
  });
  if (order.length === 0) return { pair: null, words };
  let best = 0;
  for (let k = 1; k < order.length; k++) if (totals[k]! > totals[best]!) best = k;
  const [a, b] = order[best]!;
  const out = words.map((symbols) => {
    const next: string[] = [];
    for (let i = 0; i < symbols.length; i++) {
      if (i + 1 < symbols.length && symbols[i] === a && symbols[i + 1] === b) {
        next.push(a + b);
        i += 1;
      } else next.push(symbols[i]!);
    }
    return next;
  });
  return { pair: [a, b], words: out };
}

test("each word counts as often as it occurs", { points: 2 }, async () => {
  // Counted once per distinct word, (l, o) would win with 2 words against 1; weighted, (e, s) has 6.
  const words = [["l", "o", "w"], ["l", "o", "t"], ["e", "s"]];
  const result = await learner.mergeStep(words, [1, 1, 6]);
  expect.equal(result.pair, ["e", "s"], "weight each pair by counts[w], the number of times its word occurs");
});

test("merges symbols, not letters that happen to touch", { points: 2 }, async () => {
  // The pair is (a, b); in ["xa", "b"] the symbol "xa" ends in a but is not a, so nothing merges there.
  const result = await learner.mergeStep([["xa", "b"], ["a", "b"]], [1, 5]);
  expect.equal(result.pair, ["a", "b"]);
  expect.equal(result.words, [["xa", "b"], ["ab"]], "compare whole symbols: joining them into one string loses where they begin and end");
});

test("pairs never cross from one word to the next", async () => {
  // Inside words, (x, a), (b, y) and (a, b) count 1 each and (x, a) is met first; across the
  // boundary between "x a" and "b y", (a, b) would gain a second count and win.
  const result = await learner.mergeStep([["x", "a"], ["b", "y"], ["a", "b"]], [1, 1, 1]);
  expect.equal(result.pair, ["x", "a"], "count pairs inside each word only");
});

test("the first ten merges of the worked example", { points: 2 }, async () => {
  let words = ["low", "lower", "newest", "widest"].map((word) => [...word, "_"]);
  const merges: unknown[] = [];
  for (let step = 0; step < 10; step++) {
    const result = await learner.mergeStep(words, [5, 2, 6, 3]);
    const expected = reference(words, [5, 2, 6, 3]);
    expect.equal(result.pair, expected.pair, `merge ${step + 1}`);
    expect.equal(result.words, expected.words, `the words after merge ${step + 1}`);
    merges.push(result.pair);
    words = expected.words;
  }
  expect.equal(merges[9], ["w", "i"]);
});

test("agrees with the rule on random words", { points: 2 }, async () => {
  // A seeded generator, so the test is the same on every run.
  let state = 97;
  const random = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
  for (let trial = 0; trial < 20; trial++) {
    const alphabet = ["a", "b", "c", "ab", "ba", "_"].slice(0, 2 + (trial % 5));
    const words = Array.from({ length: 1 + Math.floor(random() * 8) }, () =>
      Array.from({ length: 1 + Math.floor(random() * 6) }, () => alphabet[Math.floor(random() * alphabet.length)]!),
    );
    const counts = words.map(() => 1 + Math.floor(random() * 5));
    const result = await learner.mergeStep(words, counts);
    const expected = reference(words, counts);
    expect.equal(result.pair, expected.pair, `trial ${trial + 1}: the most frequent pair, ties to the one met first`);
    expect.equal(result.words, expected.words, `trial ${trial + 1}: the merged words`);
  }
});
