/**
 * The editor's TypeScript worker, with TensorFlow.js's declarations and the
 * cell globals (`display`, `data`) built in (scripts/monaco-files.ts).
 * Completion and hover docs need 2 MB of declarations; kept here, in the
 * worker that reads them, they never sit in the page's heap or cross a
 * postMessage, as `setExtraLibs` from the page would make them.
 */
import { initialize } from "monaco-editor/internal/common/initialize.js";
import { TypeScriptWorker } from "monaco-editor/languages/features/typescript/tsWorker.js";
import cellTypes from "descent:cell-types";

type ExtraLibs = Record<string, { content: string; version: number }>;
type CreateData = { extraLibs?: ExtraLibs } & Record<string, unknown>;

const cellLibs: ExtraLibs = Object.fromEntries(Object.entries(cellTypes).map(([filePath, content]) => [filePath, { content, version: 1 }]));

// As Monaco's own ts.worker.js: the first message starts the worker; its libraries are the page's, plus the cell's.
self.onmessage = () => {
  initialize((context: unknown, createData: CreateData) => new TypeScriptWorker(context, { ...createData, extraLibs: { ...cellLibs, ...createData.extraLibs } }));
};
