/**
 * Request bodies are counted while they stream, for every route, so no
 * request can make the server hold more than its route's ceiling in memory,
 * whether it declares a Content-Length or sends chunks.
 *
 * Two layers: this ceiling, enforced by the HTTP server (server.ts) before
 * and while Next.js reads a body, and each API route's own, smaller limit,
 * enforced by readJson (lib/api/http.ts) as it reads, with a 413 that says
 * what the limit is. The ceiling is what stands behind routes that read no
 * body of their own (pages, Next.js's internals).
 */
import { IncomingMessage } from "node:http";

/** The ceilings: `upload` for a model upload, `other` for every other request with a body (the largest JSON body a route accepts). */
export type BodyCeilings = { upload: number; other: number };

/** The most bytes a request to `pathname` may send. GET and HEAD carry no body worth reading. */
export function bodyCeiling(method: string | undefined, pathname: string, ceilings: BodyCeilings): number {
  if (method === "GET" || method === "HEAD") return 0;
  if (method === "POST" && pathname === "/api/models") return ceilings.upload;
  return ceilings.other;
}

/**
 * An IncomingMessage (server.ts passes it to http.createServer) that counts
 * the body as the HTTP parser hands it over. Past its limit it keeps no more
 * and calls `onExceeded` once, which answers 413 and closes the connection.
 */
export class BoundedIncomingMessage extends IncomingMessage {
  private limit = Number.POSITIVE_INFINITY;
  private received = 0;
  private onExceeded: (() => void) | undefined;

  limitBody(limit: number, onExceeded: () => void): void {
    this.limit = limit;
    this.onExceeded = onExceeded;
  }

  override push(chunk: unknown, encoding?: BufferEncoding): boolean {
    if (chunk === null || chunk === undefined) return super.push(chunk, encoding);
    if (this.received > this.limit) return false;
    this.received += (chunk as Uint8Array).byteLength;
    if (this.received > this.limit) {
      const exceeded = this.onExceeded;
      this.onExceeded = undefined;
      exceeded?.();
      return false;
    }
    return super.push(chunk, encoding);
  }
}
