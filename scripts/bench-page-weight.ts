/**
 * `npm run bench:page-weight`: what a learner downloads to read a lesson,
 * before any interaction, measured on the production build (`npm run build`
 * first). Reads the prerendered HTML in .next/server/app and sums the gzip
 * size of every script and stylesheet it references.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { readCourse } from "@/lib/content/course";

const NEXT_DIR = path.resolve(".next");
if (!existsSync(path.join(NEXT_DIR, "BUILD_ID"))) {
  console.error("No production build found: run `npm run build` first.");
  process.exit(1);
}

const gzipBytes = (data: string | Buffer) => gzipSync(data, { level: 9 }).length;
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

function weigh(htmlFile: string) {
  const html = readFileSync(htmlFile, "utf8");
  const assets = (pattern: RegExp) =>
    [...new Set([...html.matchAll(pattern)].map((m) => m[1]!))].map((src) =>
      readFileSync(path.join(NEXT_DIR, src.replace(/^\/_next\//, ""))),
    );
  const scripts = assets(/<script[^>]+src="(\/_next\/[^"]+\.js)"/g);
  const styles = assets(/<link[^>]+rel="stylesheet"[^>]+href="(\/_next\/[^"]+\.css)"/g);
  const inlineScripts = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!).join("");
  return {
    html: gzipBytes(html),
    scriptFiles: scripts.length,
    scripts: scripts.reduce((sum, file) => sum + gzipBytes(file), 0),
    inlineScripts: gzipBytes(inlineScripts),
    styles: styles.reduce((sum, file) => sum + gzipBytes(file), 0),
  };
}

const { course } = await readCourse(path.resolve("content"));
const pages = [
  { name: "course page /", file: "index.html" },
  ...course.lessons.map((lesson) => ({ name: lesson.href, file: `${lesson.href.slice(1)}.html` })),
];

console.log("page".padEnd(46), "JS files", "JS (gzip)".padStart(11), "inline JS".padStart(11), "HTML (gzip)".padStart(12), "CSS (gzip)".padStart(11));
for (const page of pages) {
  const w = weigh(path.join(NEXT_DIR, "server/app", page.file));
  console.log(
    page.name.padEnd(46),
    String(w.scriptFiles).padStart(8),
    kib(w.scripts).padStart(11),
    kib(w.inlineScripts).padStart(11),
    kib(w.html).padStart(12),
    kib(w.styles).padStart(11),
  );
}
console.log("\nJS (gzip): external scripts the page loads before any interaction. Inline JS is the React Server Components payload inside the HTML.");
