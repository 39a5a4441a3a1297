/**
 * Descent's HTTP server: `npm run dev` and `npm start`. Next.js serves every
 * page and route; this file decides, once per request and before Next.js
 * sees it, the two things only the socket can tell:
 * - who the client is (lib/http-server/client-address.ts), so no header a
 *   client writes can move it to another rate-limit bucket;
 * - how much body it may send (lib/http-server/body-limit.ts), counted as it
 *   streams, so a chunked flood cannot grow the server's memory.
 * Forwarding headers (X-Forwarded-*) reach Next.js only from a trusted proxy.
 * The course's binary data files go out gzipped (lib/http-server/precompressed.ts).
 *
 * A second listener, on the kernel port, is the notebook kernel's own origin
 * (lib/http-server/kernel-server.ts): the only frames a site page may load.
 */
import { createServer, type ServerResponse } from "node:http";
import path from "node:path";
import next from "next";
import { env, kernelSettings } from "./lib/env";
import { createKernelServer } from "./lib/http-server/kernel-server";
import { sendPrecompressed } from "./lib/http-server/precompressed";
import { requestPath } from "./lib/http-server/request-path";
import { sitePolicy } from "./lib/http-server/site-policy";
import { siteFrameSources } from "./lib/kernel-placement";
import { BoundedIncomingMessage, bodyCeiling } from "./lib/http-server/body-limit";
import { MAX_UPLOAD_BYTES, SERVING_LIMITS } from "./lib/serving/limits";
import { CLIENT_ADDRESS_HEADER, clientAddress, isTrustedProxy, normaliseAddress, trustedProxies } from "./lib/http-server/client-address";

const FORWARDING_HEADERS = ["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "forwarded", "x-real-ip"];

const settings = env();
const dev = process.env.NODE_ENV !== "production";
const proxies = trustedProxies(settings.DESCENT_TRUSTED_PROXIES);
const app = next({ dev, hostname: settings.DESCENT_HOST ?? "localhost", port: settings.PORT });
const handle = app.getRequestHandler();
// The largest body any JSON route accepts is a prediction request; each route enforces its own, smaller limit as it reads.
const ceilings = { upload: MAX_UPLOAD_BYTES, other: SERVING_LIMITS.requestBytes };
const kernel = kernelSettings(settings);
// Where Next.js serves public files from: the project folder it runs in.
const publicDir = path.resolve("public");
const frameSources = siteFrameSources(kernel);

/** Answers 413 (if nothing was sent yet) and drops the connection, so the rest of the body is never read. */
function refuseBody(res: ServerResponse, ceiling: number): void {
  if (!res.headersSent) {
    const error = `The request body is too large: this address accepts at most ${ceiling} bytes.`;
    res.writeHead(413, { "content-type": "application/json", connection: "close" });
    res.end(JSON.stringify({ error }), () => res.socket?.destroy());
  } else {
    res.socket?.destroy();
  }
}

await app.prepare();

const server = createServer({ IncomingMessage: BoundedIncomingMessage }, (incoming, res) => {
  const req = incoming as BoundedIncomingMessage;
  const peer = normaliseAddress(req.socket.remoteAddress ?? "");
  req.headers[CLIENT_ADDRESS_HEADER] = clientAddress(peer, req.headers["x-forwarded-for"], proxies);
  if (!isTrustedProxy(peer, proxies)) for (const name of FORWARDING_HEADERS) delete req.headers[name];

  res.on("error", () => {}); // a client gone mid-answer is not the server's error
  const pathname = requestPath(req.url);
  if (pathname === undefined) {
    res.writeHead(400, { "content-type": "application/json", connection: "close" });
    res.end(JSON.stringify({ error: "The request's target is not a valid path." }));
    return;
  }
  const ceiling = bodyCeiling(req.method, pathname, ceilings);
  if (Number(req.headers["content-length"] ?? 0) > ceiling) return refuseBody(res, ceiling);
  req.limitBody(ceiling, () => refuseBody(res, ceiling));
  res.setHeader("content-security-policy", sitePolicy(pathname, frameSources));
  if (sendPrecompressed(publicDir, req, res)) return;
  void handle(req, res);
});

const kernelServer = createKernelServer({ serveFile: (req, res) => void handle(req, res), sitePort: settings.PORT, publicUrl: settings.BETTER_AUTH_URL });
kernelServer.on("error", (error) => {
  // The site still works without it: pages fall back to the sandboxed frame on this site, and the badge says why.
  console.error(`The kernel origin could not listen on port ${kernel.kernelPort} (${error.message}); notebooks fall back to the sandboxed frame.`);
});
kernelServer.listen(kernel.kernelPort, settings.DESCENT_HOST);

server.listen(settings.PORT, settings.DESCENT_HOST, () => {
  console.log(`Descent is serving at http://${settings.DESCENT_HOST ?? "localhost"}:${settings.PORT} (${dev ? "development" : "production"}), its notebook kernel on port ${kernel.kernelPort}`);
});

/**
 * Graceful shutdown (a deploy, a scale-down): stop accepting connections,
 * let the requests in flight finish (a submission waits for its grade), then
 * stop; the graders and predictors end with this process. After 30 seconds
 * whatever is left is cut.
 */
let stopping = false;
function stop(signal: NodeJS.Signals) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: finishing the requests in flight, then stopping`);
  kernelServer.close();
  kernelServer.closeIdleConnections();
  server.close(() => void app.close().finally(() => process.exit(0)));
  server.closeIdleConnections();
  setTimeout(() => process.exit(1), 30_000).unref();
}
process.on("SIGTERM", stop);
process.on("SIGINT", stop);

