/**
 * The script of the kernel frame, /kernel/frame.html, loaded in an
 * <iframe sandbox="allow-scripts">: an opaque origin, so code running here
 * (and in the worker it starts) cannot read the site's cookies, storage or
 * pages, and its requests to the site carry no credentials.
 *
 * It waits for the page to hand it a MessagePort, then starts the kernel
 * worker and passes the port on, so page and worker talk directly. An
 * opaque-origin document cannot start a worker from a URL on the site, so the
 * worker starts from a blob that imports the kernel script.
 */
window.addEventListener("message", (event: MessageEvent) => {
  const port = event.ports[0];
  if (event.source !== window.parent || event.data?.type !== "connect" || !port) return;
  // location.origin is "null" in a sandboxed frame; the URL still says where the kernel script lives.
  const kernelUrl = new URL("/kernel/worker.js", location.href).href;
  const blob = new Blob([`importScripts(${JSON.stringify(kernelUrl)});`], { type: "text/javascript" });
  const worker = new Worker(URL.createObjectURL(blob), { name: "descent-kernel" });
  worker.postMessage({ type: "connect" }, [port]);
});
