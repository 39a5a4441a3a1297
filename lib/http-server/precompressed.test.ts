import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { request, createServer } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listenOnLoopback } from "@/test/listen";
import { acceptsGzip, sendPrecompressed } from "./precompressed";

/**
 * A raw request (fetch would decompress and hide the encoding), as a client that names its own Accept-Encoding,
 * with the path sent as written (a URL would resolve its dot segments first).
 */
function get(url: string, headers: Record<string, string>, method = "GET"): Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }> {
  const { hostname, port } = new URL(url);
  const rawPath = url.slice(url.indexOf("/", "http://".length));
  return new Promise((resolve, reject) => {
    request({ hostname, port, path: rawPath, method, headers }, async (response) => {
      const chunks: Buffer[] = [];
      for await (const chunk of response) chunks.push(chunk as Buffer);
      resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) });
    })
      .on("error", reject)
      .end();
  });
}

describe("gzipped data files", () => {
  const publicDir = mkdtempSync(path.join(tmpdir(), "descent-public-"));
  const pixels = Buffer.alloc(20_000); // mostly zeros, like MNIST
  pixels.fill(7, 100, 300);
  mkdirSync(path.join(publicDir, "data", "mnist"), { recursive: true });
  writeFileSync(path.join(publicDir, "data", "mnist", "images.bin"), pixels);
  writeFileSync(path.join(publicDir, "data", "mnist", "images.bin.gz"), gzipSync(pixels));
  writeFileSync(path.join(publicDir, "secret.bin.gz"), gzipSync(Buffer.from("not a data file")));
  const server = createServer((req, res) => {
    if (!sendPrecompressed(publicDir, req, res)) res.writeHead(299).end("left to Next.js");
  });
  let base = "";
  beforeAll(async () => {
    base = await listenOnLoopback(server);
  });
  afterAll(() => void server.close());

  it("sends the gzipped copy to a client that takes gzip, which unpacks to the file", async () => {
    const response = await get(`${base}/data/mnist/images.bin`, { "accept-encoding": "gzip, deflate, br" });
    expect(response.status).toBe(200);
    expect(response.headers["content-encoding"]).toBe("gzip");
    expect(response.headers["vary"]).toBe("Accept-Encoding");
    expect(response.headers["access-control-allow-origin"]).toBe("*");
    expect(response.body.length).toBeLessThan(pixels.length / 10);
    expect(gunzipSync(response.body).equals(pixels)).toBe(true);
  });

  it("answers a revalidation with 304 and a HEAD with no body", async () => {
    const first = await get(`${base}/data/mnist/images.bin`, { "accept-encoding": "gzip" });
    const again = await get(`${base}/data/mnist/images.bin`, { "accept-encoding": "gzip", "if-modified-since": String(first.headers["last-modified"]) });
    expect(again.status).toBe(304);
    const head = await get(`${base}/data/mnist/images.bin`, { "accept-encoding": "gzip" }, "HEAD");
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
  });

  it("leaves everything else to Next.js: no gzip accepted, other files, missing copies, tricks with the path", async () => {
    expect((await get(`${base}/data/mnist/images.bin`, {})).status).toBe(299);
    expect((await get(`${base}/data/mnist/images.bin`, { "accept-encoding": "gzip;q=0, br" })).status).toBe(299);
    for (const pathname of ["/data/mnist/labels.bin", "/secret.bin", "/data/../secret.bin", "/data/mnist/%2e%2e/%2e%2e/secret.bin", "/data/mnist/images.bin.gz", "/data/mnist/../mnist/images.bin"]) {
      expect((await get(base + pathname, { "accept-encoding": "gzip" })).status, pathname).toBe(299);
    }
  });

  it("reads Accept-Encoding as browsers and proxies write it", () => {
    expect(acceptsGzip("gzip")).toBe(true);
    expect(acceptsGzip("br, GZIP;q=0.5")).toBe(true);
    expect(acceptsGzip("*")).toBe(true);
    expect(acceptsGzip("gzip;q=0")).toBe(false);
    expect(acceptsGzip("identity")).toBe(false);
    expect(acceptsGzip(undefined)).toBe(false);
  });
});
