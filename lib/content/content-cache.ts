import "server-only";
import { readdirSync, statSync } from "node:fs";
import path from "node:path";

/**
 * Something built from the files in content/ (the course outline, the
 * exercise catalog), built once per process in production. In development
 * it is built again when a file under content/ changes, so an author sees an
 * edit on the next request: a change is noticed by the files' sizes and
 * modification times, a walk of about 150 stats. A build that fails is not
 * kept: the next call tries again.
 */
export function cachedFromContent<T>(contentDir: string, build: () => Promise<T>): () => Promise<T> {
  let cached: { fingerprint: string; value: Promise<T> } | undefined;
  const once = process.env.NODE_ENV === "production";
  return () => {
    if (cached && once) return cached.value;
    const fingerprint = once ? "" : contentFingerprint(contentDir);
    if (cached?.fingerprint !== fingerprint) {
      const entry = { fingerprint, value: build() };
      entry.value.catch(() => {
        if (cached === entry) cached = undefined;
      });
      cached = entry;
    }
    return cached.value;
  };
}

function contentFingerprint(dir: string): string {
  const parts: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const { mtimeMs, size } = statSync(file);
    parts.push(`${file}:${mtimeMs}:${size}`);
  }
  return parts.sort().join("\n");
}
