import "server-only";
import { NextResponse } from "next/server";
import { z } from "zod";
import { requestOrigin } from "./request-origin";

/**
 * The edge of every API route: same-origin check, size limit, JSON parsing
 * and zod validation. A bad request gets a 4xx with a message saying what
 * to fix, never a 500.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** E.g. Retry-After on a 429, WWW-Authenticate on a 401. */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export function errorResponse(error: unknown): NextResponse {
  if (error instanceof ApiError) return NextResponse.json({ error: error.message }, { status: error.status, headers: error.headers });
  console.error(error);
  return NextResponse.json({ error: "Something went wrong on the server; please try again." }, { status: 500 });
}

/**
 * Writes must come from our own pages. Browsers send Origin on POST/PUT; a
 * cross-site form or a cell's request (origin "null") is refused even
 * though SameSite=Lax would already keep the learner's cookie off it.
 */
export function requireSameOrigin(request: Request): void {
  const origin = request.headers.get("origin");
  if (origin === null) return; // not a browser (curl, tests): it has no learner cookie to abuse
  const here = requestOrigin(request);
  let originHost: string | undefined;
  try {
    originHost = new URL(origin).host;
  } catch {
    originHost = undefined;
  }
  // Hosts, read alike (case, default ports): a TLS proxy that Descent was not told to trust
  // makes `here` http while the browser says https, and that is still this site.
  if (!here || originHost !== new URL(here).host) throw new ApiError(403, "Requests must come from this site's own pages.");
}

/**
 * The body, read as it streams and given up the moment it passes `maxBytes`:
 * a chunked flood costs this process at most `maxBytes`, however much is
 * sent. The 413 closes the connection, so the rest is never read either.
 */
async function readLimited(request: Request, maxBytes: number): Promise<string> {
  const tooLarge = () => new ApiError(413, `The request is too large (at most ${Math.floor(maxBytes / 1024)} KiB).`, { connection: "close" });
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes) throw tooLarge();
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > maxBytes) {
      void reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

export async function readJson<Schema extends z.ZodType>(request: Request, schema: Schema, maxBytes: number): Promise<z.infer<Schema>> {
  const text = await readLimited(request, maxBytes);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new ApiError(400, "The request body must be JSON.");
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".") || "body"}: ${issue.message}`);
    throw new ApiError(400, `Invalid request: ${problems.join("; ")}.`);
  }
  return parsed.data;
}

/** Route handlers wrapped so that every thrown ApiError becomes its response. */
export function handle<Args extends unknown[]>(handler: (...args: Args) => Promise<Response>) {
  return async (...args: Args): Promise<Response> => {
    try {
      return await handler(...args);
    } catch (error) {
      return errorResponse(error);
    }
  };
}
