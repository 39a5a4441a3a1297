/**
 * Proof that exercise secrets stay on the server: searches what the built
 * site sends to browsers (.next/static: every JS chunk and asset; and the
 * prerendered pages with their RSC page data) for any line or string of a
 * reference solution or a hidden test that the learner is not shown anyway.
 */
import "server-only";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { ContentProblem } from "@/lib/content/problems";
import type { Exercise } from "./load";

const squash = (text: string) => text.replace(/\s+/g, "");

/** Distinctive pieces of the secret files: long lines and long string literals, minus anything public. */
export function secretFingerprints(exercise: Exercise, publicSources: readonly string[] = []): Array<{ file: string; text: string }> {
  const publicText = squash([exercise.starter, exercise.publicTests.source, exercise.prompt.source, ...exercise.hints, ...publicSources].join("\n"));
  const pieces: Array<{ file: string; text: string }> = [];
  const secrets = [
    { file: `${exercise.dir}/solution.ts`, source: exercise.solution },
    { file: `${exercise.dir}/hidden-tests.ts`, source: exercise.hiddenTests.source },
  ];
  for (const { file, source } of secrets) {
    const lines = source.split("\n").map(squash).filter((line) => line.length >= 24 && !line.startsWith("//") && !line.startsWith("/*") && !line.startsWith("*"));
    const strings = [...source.matchAll(/"([^"\n]{12,})"|`([^`\n]{12,})`/g)].map((m) => squash(m[1] ?? m[2] ?? ""));
    for (const text of new Set([...lines, ...strings])) {
      if (text.length >= 12 && !publicText.includes(text)) pieces.push({ file, text });
    }
  }
  return pieces;
}

function* filesUnder(dir: string): Generator<string> {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of entries) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) yield* filesUnder(full);
    else yield full;
  }
}

/** The built files a browser can receive. */
export function clientOutputFiles(nextDir: string): string[] {
  const staticFiles = [...filesUnder(path.join(nextDir, "static"))].filter((f) => !f.endsWith(".woff2") && !f.endsWith(".png"));
  const pages = [...filesUnder(path.join(nextDir, "server", "app"))].filter((f) => /\.(html|rsc|body|meta)$/.test(f));
  return [...staticFiles, ...pages];
}

/** `lessonSources`: the lessons' own text, which is public, so code a lesson shows is not mistaken for a leak. */
export function scanClientOutput(
  nextDir: string,
  exercises: readonly Exercise[],
  lessonSources: readonly string[],
  projectRoot = process.cwd(),
): { problems: ContentProblem[]; filesScanned: number } {
  const fingerprints = exercises.flatMap((exercise) => secretFingerprints(exercise, lessonSources));
  const files = clientOutputFiles(nextDir);
  const problems: ContentProblem[] = [];
  const reported = new Set<string>();
  for (const file of files) {
    const text = squash(readFileSync(file, "utf8"));
    for (const piece of fingerprints) {
      const key = `${piece.file}\0${file}`;
      if (!reported.has(key) && text.includes(piece.text)) {
        reported.add(key);
        problems.push({
          file: piece.file,
          line: 1,
          column: 1,
          message: `a secret reached the browser: ${path.relative(projectRoot, file)} contains "${piece.text.slice(0, 60)}"`,
          fix: "Solutions and hidden tests must only be read on the server: pass only toPublicExercise(…) to pages and client components.",
        });
      }
    }
  }
  return { problems, filesScanned: files.length };
}
