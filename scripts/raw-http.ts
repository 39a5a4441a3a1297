/**
 * Raw HTTP for the hostile-client checks (scripts/bench-hostile-http.ts and
 * e2e/hostile-http.spec.ts): a fresh connection per request, from a chosen
 * loopback address (Linux routes all of 127/8 to this machine, so each is a
 * client of its own), with a body that may be a stream sent chunked.
 */
import { request, type IncomingHttpHeaders } from "node:http";
import { Readable } from "node:stream";

export type Answer = { status: number; body: string; ms: number; headers: IncomingHttpHeaders };
export type SendOptions = { body?: string | Readable; headers?: Record<string, string>; from?: string };

/** One request to the server on 127.0.0.1:`port`; status 0 (and the error's code as body) when the server closed the connection first. */
export function send(port: number | string, method: string, path: string, options: SendOptions = {}): Promise<Answer> {
  const started = performance.now();
  return new Promise((resolve) => {
    const req = request(
      { host: "127.0.0.1", port, method, path, localAddress: options.from, agent: false, headers: { "content-type": "application/json", ...options.headers } },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (body += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body, ms: performance.now() - started, headers: res.headers }));
      },
    );
    // A server that refuses a flood answers and closes while the body is still being sent (that is the point);
    // writing may fail first (EPIPE) while the answer is on its way: give it a moment, an answer read first stands.
    req.on("error", (error: NodeJS.ErrnoException) => setTimeout(() => resolve({ status: 0, body: error.code ?? error.message, ms: performance.now() - started, headers: {} }), 500));
    if (options.body instanceof Readable) options.body.pipe(req);
    else req.end(options.body);
  });
}

/** `total` bytes of zeros, produced as they are sent: the sender holds one 64 KiB chunk. */
export function zeros(total: number): Readable {
  const chunk = Buffer.alloc(64 * 1024);
  let sent = 0;
  return new Readable({
    read() {
      if (sent >= total) return void this.push(null);
      sent += chunk.length;
      this.push(chunk);
    },
  });
}
