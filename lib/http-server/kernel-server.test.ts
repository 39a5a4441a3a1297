import { get, type IncomingMessage } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listenOnLoopback } from "@/test/listen";
import { createKernelServer, kernelFrameHtml } from "./kernel-server";

describe("the kernel origin's listener", () => {
  const served: string[] = [];
  const server = createKernelServer({
    serveFile: (req, res) => {
      served.push(req.url ?? "");
      res.end("file");
    },
    sitePort: 3000,
    publicUrl: undefined,
  });
  let base = "";
  beforeAll(async () => {
    base = await listenOnLoopback(server);
  });
  afterAll(() => void server.close());

  it("serves its frame, naming the one site that may frame it, and hands its two scripts to the file server", async () => {
    const frame = await fetch(`${base}/kernel/frame.html`);
    expect(frame.status).toBe(200);
    expect(frame.headers.get("content-security-policy")).toBe("frame-ancestors http://localhost:3000");
    expect(await frame.text()).toBe(kernelFrameHtml(["http://localhost:3000"]));
    const files = ["/kernel/worker.js", "/kernel/frame.js", "/kernel/worker.js.map", "/kernel/chunks/dist-JBLEQJM5.js"];
    for (const path of files) expect((await fetch(base + path)).status).toBe(200);
    expect(served).toEqual(files);
  });

  it("lets browsers keep the hashed chunks for good, and revalidate the entry scripts and the frame", async () => {
    expect((await fetch(`${base}/kernel/chunks/dist-JBLEQJM5.js`)).headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect((await fetch(`${base}/kernel/worker.js`)).headers.get("cache-control")).toBeNull(); // the file server's default
    expect((await fetch(`${base}/kernel/frame.html`)).headers.get("cache-control")).toBe("no-cache");
  });

  it("answers nothing else: no pages, no API, no data, no tricks with the path", async () => {
    served.length = 0;
    for (const path of ["/", "/api/progress", "/learn/tensors/tensors-in-tfjs", "/data/mnist/labels.bin", "/kernel/worker.js/../../api/progress", "/kernel/%2e%2e/api/progress", "/kernel/frame.html.bak", "//kernel/worker.js", "/kernel/worker.classic.js", "/kernel/chunks/../../api/progress", "/kernel/chunks/a/b.js"]) {
      const response = await fetch(base + path);
      expect(response.status, path).toBe(404);
    }
    expect((await fetch(`${base}/kernel/frame.html`, { method: "POST", body: "x" })).status).toBe(405);
    expect(served).toEqual([]);
  });

  it("lets no page frame it when asked for by a name it does not know", async () => {
    // fetch() will not send another Host than the URL's; node:http will.
    const response = await new Promise<IncomingMessage>((resolve) => get(`${base}/kernel/frame.html`, { headers: { host: "kernel.evil.example" } }, resolve));
    expect(response.headers["content-security-policy"]).toBe("frame-ancestors 'none'");
    let body = "";
    for await (const chunk of response) body += chunk;
    expect(body).toContain('data-sites="[]"');
  });

  it("escapes the sites it writes into the page", () => {
    expect(kernelFrameHtml(['https://a.example"><script>'])).not.toContain('"><script>');
  });
});
