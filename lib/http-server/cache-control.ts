/**
 * How long browsers may keep the kernel's and the editor's files. Their chunks
 * are named by a hash of their content (scripts/prepare-assets.ts,
 * scripts/monaco-files.ts), so a changed chunk is a new URL and a cached one
 * never goes stale: browsers keep them for a year and never ask again, which
 * makes a second visit's kernel and editor start from cache. The entry
 * scripts (worker.js, frame.js, editor.js) keep their names, so they are
 * revalidated each time; they name the chunks by hash.
 */
export const IMMUTABLE = "public, max-age=31536000, immutable";

/** A kernel chunk: `/kernel/chunks/<name>-<hash>.js` (or its source map). */
const HASHED_KERNEL_FILE = /^\/kernel\/chunks\/[\w-]+-[A-Z0-9]{8}\.js(\.map)?$/;

export function isHashedKernelFile(path: string): boolean {
  return HASHED_KERNEL_FILE.test(path);
}

/** The same files, and the editor's chunks, as next.config.ts `headers()` source patterns. */
export const HASHED_FILES = ["/kernel/chunks/:path*", "/monaco/chunks/:path*"];
