"use client";

import dynamic from "next/dynamic";
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { CellOutputs } from "./cell-outputs";
import { useScreenReaderMode } from "./kernel-bar";
import { useCell, useNotebook, useRunningCell } from "./notebook-hooks";
import { useSteadyHeight } from "./steady-height";

// The editor is fetched only when a learner starts editing a cell, and shown once Monaco itself has loaded.
// If it cannot load (the network dropped, a proxy blocked it), the cell keeps its code on show and still runs.
const CellEditor = dynamic(
  async () => {
    const editor = await import("@/lib/editor/cell-editor");
    try {
      await editor.loadMonaco();
      return editor;
    } catch {
      return EditorUnavailable;
    }
  },
  { ssr: false },
);

function EditorUnavailable() {
  return (
    <p className="cell-editor-unavailable" role="status">
      The editor could not load, so this cell cannot be edited until you reload the page. Run still runs the code shown.
    </p>
  );
}

type CodeCellProps = {
  cellId: string;
  /** 1-based position among the lesson's cells, as a string from MDX. */
  index: string;
  timeoutSeconds: string;
  /** The author's code. */
  code: string;
  /** The author's code, highlighted on the server: what the page shows until the editor loads. */
  children: ReactNode;
};

/**
 * A runnable cell. Reading needs nothing but the static highlighted code;
 * focusing or clicking it loads the editor, and running it starts the kernel.
 */
export function CodeCell({ cellId, index, timeoutSeconds, code, children }: CodeCellProps) {
  const store = useNotebook();
  const cell = useCell(store, cellId);
  const screenReader = useScreenReaderMode();
  const [editing, setEditing] = useState(false);
  const [editorReady, setEditorReady] = useState(false);
  const runButton = useRef<HTMLButtonElement>(null);
  const position = Number(index);

  useEffect(() => {
    store.register(cellId, position, code, Number(timeoutSeconds) * 1000);
  }, [store, cellId, position, code, timeoutSeconds]);

  const running = useRunningCell(store, cellId);
  const queued = cell?.status === "queued" && !running;
  const section = useSteadyHeight<HTMLElement>(running || queued);
  const edited = cell !== undefined && cell.code !== cell.authorCode;
  const lastError = cell?.outputs.findLast((o) => o.kind === "error");
  const errorMarker = lastError?.kind === "error" && lastError.line ? { line: lastError.line, message: lastError.message } : undefined;

  const run = () => void store.runCell(cellId);
  const startEditing = () => {
    store.kernel.ensureStarted();
    setEditing(true);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Enter" && event.shiftKey) {
      event.preventDefault();
      run();
    } else if (event.key === "Enter" && !editing) {
      event.preventDefault();
      startEditing();
    }
  };

  return (
    <section
      ref={section}
      className="cell"
      aria-label={`Code cell ${position}`}
      data-cell-id={cellId}
      data-state={running ? "running" : queued ? "queued" : cell?.stale ? "stale" : "idle"}
    >
      <div className="cell-toolbar">
        <button ref={runButton} type="button" className="cell-run" onClick={run} disabled={cell?.status === "queued"} aria-label={`Run cell ${position}`}>
          {running ? "Running…" : queued ? "Queued" : "Run"}
        </button>
        <span className="cell-count" aria-label={cell?.count ? `Run ${cell.count}` : "Not run yet"} data-testid="count">
          [{running ? "*" : (cell?.count ?? " ")}]
        </span>
        {cell?.stale && (
          <span className="cell-stale" title="These results may not match the code or the kernel any more: an earlier cell was re-run or edited, or the kernel restarted.">
            Stale
          </span>
        )}
        <span className="cell-hint">Shift+Enter runs · Esc leaves the editor</span>
        {edited && (
          <button type="button" className="cell-reset" onClick={() => store.resetCell(cellId)}>
            Reset to the author&apos;s code
          </button>
        )}
      </div>
      {cell?.authorChanged && (
        <p className="cell-author-changed" role="status">
          The author has changed this cell since you edited it. Your version is shown; reset to see theirs.
        </p>
      )}
      <div className="cell-code" onKeyDown={onKeyDown} onFocus={startEditing} onPointerDown={startEditing}>
        {editing && cell && (
          <CellEditor
            value={cell.code}
            label={`Code cell ${position}`}
            error={errorMarker}
            screenReader={screenReader}
            onChange={(value) => store.setCode(cellId, value)}
            onRun={run}
            onLeave={() => runButton.current?.focus()}
            onReady={() => setEditorReady(true)}
          />
        )}
        {!editorReady &&
          (edited ? (
            <pre className="cell-static" tabIndex={0}>
              <code>{cell.code}</code>
            </pre>
          ) : (
            children
          ))}
      </div>
      <CellOutputs outputs={cell?.outputs ?? []} onSketch={(sketchId, pixels) => void store.drawSketch(cellId, sketchId, pixels)} />
    </section>
  );
}
