"use client";

import Editor, { loader, type OnMount } from "@monaco-editor/react";
import { useEffect, useRef } from "react";
import { MONACO_MODULE, MONACO_STYLESHEET } from "./monaco-urls";

type Monaco = Parameters<OnMount>[1];
type EditorInstance = Parameters<OnMount>[0];

/** The part of Monaco's TypeScript language service we configure. */
type TypeScriptDefaults = {
  setCompilerOptions(options: Record<string, unknown>): void;
  setDiagnosticsOptions(options: { noSemanticValidation?: boolean; noSyntaxValidation?: boolean }): void;
};

let monacoLoaded: Promise<void> | undefined;

/**
 * Loads the editor from this site (public/monaco, built by `npm run assets`
 * from lib/editor/monaco.bundle.ts), never from a CDN, and hands it to the React
 * wrapper. Its TypeScript worker already knows `tf` (the real
 * @tensorflow/tfjs declarations, with their docs), `display` and `data`.
 * Semantic errors stay off: each cell is its own model, and names defined in
 * an earlier cell, or top-level await, would otherwise be marked wrong.
 */
export function loadMonaco(): Promise<void> {
  monacoLoaded ??= (async () => {
    const stylesheet = document.createElement("link");
    stylesheet.rel = "stylesheet";
    stylesheet.href = MONACO_STYLESHEET;
    document.head.append(stylesheet);
    const monaco = (await import(/* webpackIgnore: true */ /* turbopackIgnore: true */ MONACO_MODULE)) as Monaco & { typescript: { typescriptDefaults: TypeScriptDefaults } };
    const defaults = monaco.typescript.typescriptDefaults;
    defaults.setCompilerOptions({ target: 9 /* ES2022 */, module: 99 /* ESNext */, moduleResolution: 2 /* Node */, allowNonTsExtensions: true, strict: false });
    defaults.setDiagnosticsOptions({ noSemanticValidation: true, noSyntaxValidation: false });
    loader.config({ monaco });
  })();
  return monacoLoaded;
}

export type CellEditorProps = {
  value: string;
  label: string;
  error?: { line: number; message: string };
  screenReader: boolean;
  onChange: (value: string) => void;
  onRun: () => void;
  /** Escape: hand focus back to the page (the cell's Run button). */
  onLeave: () => void;
  onReady: () => void;
};

const LINE_HEIGHT = 20;

/**
 * Monaco for one cell, sized to its content. Shift+Enter runs the cell;
 * Escape leaves the editor (Ctrl+M, Monaco's own key, makes Tab move focus too).
 */
export default function CellEditor({ value, label, error, screenReader, onChange, onRun, onLeave, onReady }: CellEditorProps) {
  const editorRef = useRef<EditorInstance | null>(null);
  const monacoRef = useRef<Monaco | null>(null);
  const container = useRef<HTMLDivElement>(null);
  // The latest callbacks, for commands registered once at mount.
  const callbacks = useRef({ onRun, onLeave });
  useEffect(() => {
    callbacks.current = { onRun, onLeave };
  });

  const onMount: OnMount = (editor, monaco) => {
    editorRef.current = editor;
    monacoRef.current = monaco;
    editor.addCommand(monaco.KeyMod.Shift | monaco.KeyCode.Enter, () => {
      // A suggestion list left open would cover the output and take the next click.
      editor.trigger("run", "hideSuggestWidget", null);
      callbacks.current.onRun();
    });
    editor.addCommand(monaco.KeyCode.Escape, () => callbacks.current.onLeave(), "!suggestWidgetVisible && !findWidgetVisible && !parameterHintsVisible");
    const fit = () => {
      const height = Math.min(Math.max(editor.getContentHeight(), 3 * LINE_HEIGHT), 640);
      if (container.current) container.current.style.height = `${height}px`;
      editor.layout();
    };
    editor.onDidContentSizeChange(fit);
    fit();
    editor.focus();
    onReady();
  };

  // The kernel's error, as a marker on its line.
  useEffect(() => {
    const editor = editorRef.current;
    const monaco = monacoRef.current;
    const model = editor?.getModel();
    if (!editor || !monaco || !model) return;
    monaco.editor.setModelMarkers(
      model,
      "kernel",
      error
        ? [
            {
              severity: monaco.MarkerSeverity.Error,
              message: error.message,
              startLineNumber: error.line,
              endLineNumber: error.line,
              startColumn: 1,
              endColumn: model.getLineMaxColumn(Math.min(error.line, model.getLineCount())),
            },
          ]
        : [],
    );
  }, [error]);

  return (
    <div ref={container} className="cell-editor" style={{ height: 3 * LINE_HEIGHT }}>
      <Editor
        defaultValue={value}
        defaultLanguage="typescript"
        theme={window.matchMedia("(prefers-color-scheme: dark)").matches ? "vs-dark" : "vs"}
        onChange={(next) => onChange(next ?? "")}
        onMount={onMount}
        loading={null}
        options={{
          ariaLabel: label,
          accessibilitySupport: screenReader ? "on" : "auto",
          minimap: { enabled: false },
          scrollBeyondLastLine: false,
          lineHeight: LINE_HEIGHT,
          fontSize: 14,
          tabSize: 2,
          // Long lines wrap, under their own indentation, as the page's static code does (app/styles/prose.css).
          wordWrap: "on",
          wrappingIndent: "same",
          automaticLayout: true,
          scrollbar: { alwaysConsumeMouseWheel: false },
          overviewRulerLanes: 0,
          renderLineHighlight: "none",
        }}
      />
    </div>
  );
}
