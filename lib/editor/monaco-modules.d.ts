// Monaco's ES modules that the editor's build uses and that ship without declarations.
declare module "monaco-editor/internal/common/initialize.js" {
  export function initialize(create: (context: never, createData: never) => unknown): void;
}
declare module "monaco-editor/languages/features/typescript/tsWorker.js" {
  export class TypeScriptWorker {
    constructor(context: unknown, createData: unknown);
  }
}
/** TensorFlow.js's declarations and the cell globals, by the path the worker resolves imports to (scripts/monaco-files.ts). */
declare module "descent:cell-types" {
  const files: Record<string, string>;
  export default files;
}
