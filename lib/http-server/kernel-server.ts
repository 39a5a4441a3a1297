/**
 * The kernel origin's listener (server.ts starts it on the kernel port): it
 * serves the notebook kernel's frame and its scripts, and nothing else:
 * no API, no pages, no cookies. Learner code runs here with a real origin of
 * its own, so the frame is a secure context (WebGPU) that holds nothing of
 * the site's (lib/kernel-placement.ts).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { kernelFrameAncestors } from "@/lib/kernel-placement";
import { IMMUTABLE, isHashedKernelFile } from "./cache-control";

/**
 * The kernel's scripts, as the request names them; every other path answers
 * 404. The kernel reads its data and wasm binaries from the site, as public
 * files without credentials, so this origin needs nothing more.
 */
const KERNEL_FILES = /^\/kernel\/((worker|frame)|chunks\/[\w-]+)\.js(\.map)?$/;

const escapeAttribute = (text: string) => text.replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`);

/** The frame's page, naming the sites it will talk to: only those may frame it, and it checks each message's origin against them. */
export function kernelFrameHtml(sites: string[]): string {
  return (
    `<!doctype html><html lang="en" data-sites="${escapeAttribute(JSON.stringify(sites))}"><head><meta charset="utf-8">` +
    `<title>Descent kernel</title></head><body><script src="/kernel/frame.js"></script></body></html>\n`
  );
}

function refuse(res: ServerResponse, status: number, message: string) {
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8", "x-content-type-options": "nosniff" });
  res.end(`${message}\n`);
}

export function createKernelServer(options: {
  /** Next.js's handler, which serves the files in public/. */
  serveFile: (req: IncomingMessage, res: ServerResponse) => void;
  sitePort: number;
  publicUrl: string | undefined;
}): Server {
  return createServer((req, res) => {
    res.on("error", () => {});
    if (req.method !== "GET" && req.method !== "HEAD") return refuse(res, 405, "The kernel origin only serves files.");
    const path = (req.url ?? "/").split("?")[0]!;
    // The site's pages load these files across sites; the kernel's requests name no page of it to anyone.
    res.setHeader("cross-origin-resource-policy", "cross-origin");
    res.setHeader("referrer-policy", "no-referrer");
    if (path === "/kernel/frame.html") {
      const sites = kernelFrameAncestors(req.headers.host, options.sitePort, options.publicUrl);
      res.writeHead(200, {
        "content-type": "text/html; charset=utf-8",
        "cache-control": "no-cache",
        "content-security-policy": `frame-ancestors ${sites.join(" ") || "'none'"}`,
        "x-content-type-options": "nosniff",
      });
      return res.end(req.method === "HEAD" ? undefined : kernelFrameHtml(sites));
    }
    if (!KERNEL_FILES.test(path)) return refuse(res, 404, "The kernel origin serves only the notebook kernel's files.");
    if (isHashedKernelFile(path)) res.setHeader("cache-control", IMMUTABLE);
    options.serveFile(req, res);
  });
}
