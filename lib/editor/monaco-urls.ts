/** The editor's workers on this site, where `npm run assets` puts them (classic scripts, one file each). */
export const MONACO_WORKERS = {
  editor: "/monaco/editor.worker.js",
  typescript: "/monaco/typescript.worker.js",
} as const;

/** The editor itself: an ES module, and the stylesheet its modules import. */
export const MONACO_MODULE = "/monaco/editor.js";
export const MONACO_STYLESHEET = "/monaco/editor.css";
