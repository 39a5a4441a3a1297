/**
 * The course's binary data files (public/data/…/*.bin), sent gzipped. Next.js
 * compresses what it serves by content type, and application/octet-stream
 * is not compressible to it, though MNIST's pixels (mostly zeros) shrink from
 * 7.8 MB to 1.7 MB. So `npm run assets` gzips each data file once, at the
 * highest level, and this answers a browser that accepts gzip with that copy;
 * any other client gets the plain file from Next.js as before.
 */
import { createReadStream, statSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";

/** A data file that has a gzipped copy beside it: one folder deep, a plain name (no dots, no "..", no escapes). */
const DATA_FILE = /^\/data\/[\w-]+\/[\w-]+\.bin$/;

export const gzippedCopyOf = (file: string) => `${file}.gz`;

/** Whether the client lists gzip among the encodings it accepts, and does not refuse it (q=0). */
export function acceptsGzip(header: string | string[] | undefined): boolean {
  const value = Array.isArray(header) ? header.join(",") : (header ?? "");
  return value.split(",").some((part) => {
    const [coding, ...parameters] = part.trim().toLowerCase().split(";");
    const q = parameters.map((p) => p.trim()).find((p) => p.startsWith("q="));
    return (coding === "gzip" || coding === "*") && (q === undefined || Number(q.slice(2)) > 0);
  });
}

/**
 * Sends the gzipped copy of a data file when the request is for one and the
 * client takes gzip; returns false to leave the request to Next.js.
 */
export function sendPrecompressed(publicDir: string, req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  const pathname = (req.url ?? "/").split("?")[0]!;
  if (!DATA_FILE.test(pathname) || !acceptsGzip(req.headers["accept-encoding"])) return false;
  const file = gzippedCopyOf(path.join(publicDir, pathname));
  let stats;
  try {
    stats = statSync(file);
  } catch {
    return false; // no copy (assets not prepared yet): Next.js serves the plain file or its 404
  }
  const lastModified = stats.mtime.toUTCString();
  const headers = {
    "content-type": "application/octet-stream",
    "content-encoding": "gzip",
    vary: "Accept-Encoding",
    "last-modified": lastModified,
    "cache-control": "public, max-age=0",
    // The kernel (another origin) fetches these files without credentials, as from Next.js (next.config.ts).
    "access-control-allow-origin": "*",
  };
  const since = req.headers["if-modified-since"];
  if (since && Date.parse(since) >= Math.floor(stats.mtimeMs / 1000) * 1000) {
    res.writeHead(304, headers);
    res.end();
    return true;
  }
  res.writeHead(200, { ...headers, "content-length": stats.size });
  if (req.method === "HEAD") {
    res.end();
    return true;
  }
  createReadStream(file)
    .on("error", () => res.destroy())
    .pipe(res);
  return true;
}
