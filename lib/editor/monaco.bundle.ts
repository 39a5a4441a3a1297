/**
 * The cell editor's Monaco, built by `npm run assets` (scripts/monaco-files.ts)
 * into public/monaco/editor.js from Monaco's ES modules, instead of Monaco's
 * prebuilt bundle with every language and every editor feature. A cell needs
 * the editor, TypeScript (completion, hover docs, signature help, syntax
 * errors) and the everyday editing commands; the rest (diff editor, inline
 * completions, folding, sticky scroll, code lenses, colour pickers, the
 * command palette, 80 languages) is left out. Less code is less to download,
 * compile and keep in the page's heap, whose size sets how long each garbage
 * collection stops the page, also while a model trains (issue 19).
 *
 * Loaded only when a learner opens a cell's editor (lib/editor/cell-editor.tsx).
 */
import { MONACO_WORKERS } from "./monaco-urls";

export * from "monaco-editor/editor/editor.api.js";
export * as typescript from "monaco-editor/languages/features/typescript/register.js";

// TypeScript's tokenizer (syntax colours); its language service is the import above.
import "monaco-editor/languages/definitions/typescript/register.js";
// What a cell's editing uses. Each line is one feature of Monaco's own editor.main.js.
import "monaco-editor/editor/browser/coreCommands.js";
import "monaco-editor/editor/browser/widget/codeEditor/codeEditorWidget.js";
import "monaco-editor/editor/contrib/bracketMatching/browser/bracketMatching.js";
import "monaco-editor/editor/contrib/caretOperations/browser/caretOperations.js";
import "monaco-editor/editor/contrib/clipboard/browser/clipboard.js";
import "monaco-editor/editor/contrib/comment/browser/comment.js";
import "monaco-editor/editor/contrib/contextmenu/browser/contextmenu.js";
import "monaco-editor/editor/contrib/cursorUndo/browser/cursorUndo.js";
import "monaco-editor/features/find/register.js";
import "monaco-editor/editor/contrib/format/browser/formatActions.js";
import "monaco-editor/editor/contrib/gotoError/browser/gotoError.js";
import "monaco-editor/editor/contrib/hover/browser/hoverContribution.js";
import "monaco-editor/editor/contrib/indentation/browser/indentation.js";
import "monaco-editor/editor/contrib/linesOperations/browser/linesOperations.js";
import "monaco-editor/editor/contrib/multicursor/browser/multicursor.js";
import "monaco-editor/editor/contrib/parameterHints/browser/parameterHints.js";
import "monaco-editor/editor/contrib/smartSelect/browser/smartSelect.js";
import "monaco-editor/editor/contrib/snippet/browser/snippetController2.js";
import "monaco-editor/editor/contrib/suggest/browser/suggestController.js";
// Ctrl+M: Tab moves focus instead of indenting, the way out of the editor for keyboard users.
import "monaco-editor/editor/contrib/toggleTabFocusMode/browser/toggleTabFocusMode.js";
import "monaco-editor/editor/contrib/wordHighlighter/browser/wordHighlighter.js";
import "monaco-editor/editor/contrib/wordOperations/browser/wordOperations.js";
import "monaco-editor/editor/common/standaloneStrings.js";

// Monaco asks for its workers by label: TypeScript's language service, or the editor's own (word completion, links).
(globalThis as { MonacoEnvironment?: object }).MonacoEnvironment = {
  getWorker(_moduleId: string, label: string) {
    const url = label === "typescript" || label === "javascript" ? MONACO_WORKERS.typescript : MONACO_WORKERS.editor;
    return new Worker(url, { name: label });
  },
};
