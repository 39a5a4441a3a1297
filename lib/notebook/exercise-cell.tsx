"use client";

import Link from "next/link";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { exerciseApi, type ExerciseState, type SolutionAccess, type StoredSubmission } from "./exercise-api";
import type { PublicExercise } from "@/lib/exercises/load";
import type { TestResult } from "@/lib/cell-runtime/verdict";
import { STATUS_LABELS, type VerdictStatus } from "@/lib/cell-runtime/verdict";
import { CodeCell } from "./code-cell";
import { useCell, useNotebook } from "./notebook-hooks";
import { TestResults } from "./test-results";

/** How long typing must pause before the draft goes to the server. */
const DRAFT_DELAY_MS = 1000;

/**
 * An exercise: a code cell with Check (public tests in the browser kernel,
 * feedback only) and Submit (graded by the server), hints one at a time,
 * the score so far, and the solution when the server allows it (passed, or
 * enough attempts on an account: lib/exercises/solution-access.ts). The learner's
 * code is saved to the server as a draft, so it follows them to another tab
 * or device and survives a server restart.
 */
export function ExerciseCell({ exercise, index, children }: { exercise: PublicExercise; index: string; children: ReactNode }) {
  const cellId = `exercise-${exercise.id}`;
  const store = useNotebook();
  const cell = useCell(store, cellId);
  const [state, setState] = useState<ExerciseState | undefined>();
  const [checked, setChecked] = useState<TestResult[] | undefined>();
  const [checking, setChecking] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [latest, setLatest] = useState<StoredSubmission | undefined>();
  const [lessonCompleted, setLessonCompleted] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [hintsShown, setHintsShown] = useState(0);
  const [solution, setSolution] = useState<string | undefined>();
  const [access, setAccess] = useState<SolutionAccess | undefined>();
  const savedCode = useRef<string | undefined>(undefined);

  // The server's record: attempts, best score, last verdict, and the draft, which wins over this browser's copy.
  useEffect(() => {
    let cancelled = false;
    exerciseApi
      .state(exercise.id)
      .then(({ state, access, solution }) => {
        if (cancelled) return;
        setState(state);
        setLatest(state.last);
        setSolution(solution);
        setAccess(access);
        // Hints opened before the state arrived stay open.
        setHintsShown((shown) => Math.max(shown, state.hintsShown));
        // What the server already has: only a change from it is a draft worth saving.
        savedCode.current = state.draft?.code ?? exercise.starter;
        if (state.draft) store.setCode(cellId, state.draft.code);
      })
      .catch((e: unknown) => !cancelled && setError(`Your saved progress could not be loaded: ${(e as Error).message}`));
    return () => {
      cancelled = true;
    };
  }, [exercise.id, exercise.starter, cellId, store]);

  // Drafts: saved after a pause in typing, and when the page is hidden or closed.
  const code = cell?.code;
  useEffect(() => {
    if (code === undefined || state === undefined || code === savedCode.current) return;
    const timer = setTimeout(() => {
      savedCode.current = code;
      void exerciseApi.saveDraft(exercise.id, code);
    }, DRAFT_DELAY_MS);
    const saveNow = () => {
      if (code === savedCode.current) return;
      savedCode.current = code;
      exerciseApi.saveDraftOnExit(exercise.id, code);
    };
    const onVisibilityChange = () => document.visibilityState === "hidden" && saveNow();
    window.addEventListener("pagehide", saveNow);
    document.addEventListener("visibilitychange", onVisibilityChange);
    return () => {
      clearTimeout(timer);
      window.removeEventListener("pagehide", saveNow);
      document.removeEventListener("visibilitychange", onVisibilityChange);
    };
  }, [code, state, exercise.id]);

  const check = async () => {
    setChecking(true);
    setError(undefined);
    const result = await store.runCell(cellId, [exercise.publicTests]);
    setChecking(false);
    if (result && "stopped" in result) setChecked(undefined);
    else setChecked(result?.tests);
  };

  const submit = async () => {
    if (code === undefined) return;
    setSubmitting(true);
    setError(undefined);
    try {
      const result = await exerciseApi.submit(exercise.id, code);
      setLatest(result.submission);
      setState(result.state);
      setLessonCompleted(result.lessonCompleted);
      // Only the server can tell whether this submission counted towards the solution.
      void exerciseApi
        .state(exercise.id)
        .then((view) => setAccess(view.access))
        .catch(() => undefined);
    } catch (e) {
      setError(`Your submission was not graded: ${(e as Error).message}`);
    } finally {
      setSubmitting(false);
    }
  };

  const showNextHint = () => {
    setHintsShown(hintsShown + 1);
    void exerciseApi.recordHint(exercise.id, hintsShown);
  };

  const reveal = async () => {
    try {
      setSolution((await exerciseApi.revealSolution(exercise.id)).solution);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const attempts = state?.attempts ?? 0;
  const graded = `${exercise.revealSolutionAfter} graded ${exercise.revealSolutionAfter === 1 ? "attempt" : "attempts"}`;
  const verdict = latest?.verdict;
  const busy = checking || submitting;

  return (
    <div className="exercise-cell">
      <CodeCell cellId={cellId} index={index} timeoutSeconds="60" code={exercise.starter}>
        {children}
      </CodeCell>
      <div className="exercise-actions">
        <button type="button" onClick={check} disabled={busy}>
          {checking ? "Checking…" : "Check"}
        </button>
        <span className="exercise-action-note">runs the {exercise.testCount.public} public tests here: feedback only, not a grade</span>
        <button type="button" className="exercise-submit" onClick={submit} disabled={busy}>
          {submitting ? "Grading…" : "Submit for grading"}
        </button>
        <span className="exercise-action-note">the server grades every test, including {exercise.testCount.hidden} hidden ones</span>
      </div>

      <p className="exercise-score" data-testid="exercise-score">
        {state === undefined
          ? "Loading your progress…"
          : attempts === 0
            ? "Not submitted yet."
            : `Best score ${state.bestScore}/${state.maxScore} · ${attempts} ${attempts === 1 ? "attempt" : "attempts"}${state.passed ? " · Passed" : ""}`}
      </p>

      <div role="status" aria-live="polite" className="exercise-feedback">
        {error && <p className="exercise-error">{error}</p>}
        {checked && (
          <section className="check-results" aria-label="Check results">
            <h4>
              Check: {checked.filter((t) => t.passed).length} of {checked.length} public tests pass{" "}
              <span className="not-a-grade">(feedback only, not a grade)</span>
            </h4>
            <TestResults tests={checked} label="Public test results" />
          </section>
        )}
        {verdict && latest && (
          <section className={`verdict verdict-${verdict.status}`} aria-label="Server grade">
            <h4>
              Graded by the server: {latest.score}/{latest.maxScore} · {STATUS_LABELS[verdict.status as VerdictStatus] ?? verdict.status}
            </h4>
            {verdict.message && <p className="verdict-message">{verdict.message}</p>}
            {verdict.status === "passed" && exercise.passedFeedback && <p className="verdict-praise">{exercise.passedFeedback}</p>}
            {lessonCompleted && <p className="verdict-praise">Lesson complete: every exercise in it is passed.</p>}
            <TestResults tests={verdict.tests} label="Graded test results" />
            {verdict.logs && (
              <details className="verdict-logs">
                <summary>Your code&apos;s console output on the server</summary>
                <pre>{verdict.logs}</pre>
              </details>
            )}
          </section>
        )}
      </div>

      {exercise.hints.length > 0 && (
        <div className="exercise-hints">
          <ol aria-label="Hints">
            {exercise.hints.slice(0, hintsShown).map((hint) => (
              <li key={hint}>{hint}</li>
            ))}
          </ol>
          {hintsShown < exercise.hints.length && (
            <button type="button" className="link-button" onClick={showNextHint}>
              Show hint {hintsShown + 1} of {exercise.hints.length}
            </button>
          )}
        </div>
      )}

      <div className="exercise-solution">
        {solution ? (
          <>
            <h4>Reference solution</h4>
            <pre tabIndex={0}>
              <code>{solution}</code>
            </pre>
          </>
        ) : access?.open ? (
          <button type="button" className="link-button" onClick={reveal}>
            Reveal the solution (your instructor can see that you did)
          </button>
        ) : access?.needs === "sign-in" ? (
          <p className="exercise-action-note">
            <Link href="/account">Sign in</Link> to reveal the solution after {graded}; passing every test opens it too.
          </p>
        ) : access?.needs === "attempts" ? (
          <p className="exercise-action-note">
            The solution can be revealed after {graded} ({access.remaining} to go): submissions whose tests all ran, each with new code.
          </p>
        ) : null}
      </div>
    </div>
  );
}
