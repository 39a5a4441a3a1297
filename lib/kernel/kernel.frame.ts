/**
 * The script of the kernel frame, /kernel/frame.html. It runs in one of two
 * homes (lib/kernel-placement.ts):
 * - the kernel origin, another site than Descent's: a secure context (WebGPU),
 *   framed only by the sites its page names in data-sites, and talking only
 *   to them;
 * - the fallback, <iframe sandbox="allow-scripts"> on the site itself: an
 *   opaque origin, so code here cannot read the site's cookies, storage or
 *   pages either, but no WebGPU.
 *
 * It tells its parent it is here, waits for the page to hand it a
 * MessagePort, then starts the kernel worker and passes the port on, so page
 * and worker talk directly.
 */
const sitesAttribute = document.documentElement.dataset.sites;
/** The pages this frame serves; undefined in the opaque fallback, whose parent is the page that made it. */
const sites: string[] | undefined = sitesAttribute ? (JSON.parse(sitesAttribute) as string[]) : undefined;
let connected = false;

window.addEventListener("message", (event: MessageEvent) => {
  const port = event.ports[0];
  if (connected || event.source !== window.parent || event.data?.type !== "connect" || !port) return;
  if (sites && !sites.includes(event.origin)) return;
  connected = true;
  // On its own origin, the worker is an ES module whose backends are separate chunks, loaded when it starts one.
  // An opaque-origin document can start a worker only from a blob, and Chromium loads no modules into that one:
  // there it imports the classic build, every backend in one file (scripts/prepare-assets.ts).
  const worker = sites
    ? new Worker(new URL("/kernel/worker.js", location.href), { name: "descent-kernel", type: "module" })
    : new Worker(URL.createObjectURL(new Blob([`importScripts(${JSON.stringify(new URL("/kernel/worker.classic.js", location.href).href)});`], { type: "text/javascript" })), { name: "descent-kernel" });
  worker.postMessage({ type: "connect" }, [port]);
});

// Only the named sites can receive the greeting (a posted message to another origin is dropped); the opaque frame's
// parent is whoever framed it, and the greeting carries nothing.
for (const site of sites ?? ["*"]) window.parent.postMessage({ type: "kernel-frame" }, site);
