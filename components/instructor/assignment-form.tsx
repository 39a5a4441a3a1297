"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { fetchJson } from "@/lib/api/fetch-json";
import { classApi, classPage } from "@/lib/instructor/paths";

export type AssignmentFormValues = {
  id?: string;
  title: string;
  opensAt: string;
  dueAt: string;
  latePolicy: "penalty" | "close";
  latePenaltyPercent: number;
  exerciseIds: string[];
};

type ExerciseChoice = { id: string; title: string; module: string };

/** `<input type="datetime-local">` speaks the browser's local time, without a zone. */
const toLocalInput = (iso: string) => {
  if (!iso) return "";
  const date = new Date(iso);
  return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};
const fromLocalInput = (value: string) => (value ? new Date(value).toISOString() : "");

/**
 * Creates or edits an assignment through the instructor API. The server
 * validates everything again and answers with a message for each problem.
 */
export function AssignmentForm({ classId, exercises, initial }: { classId: string; exercises: ExerciseChoice[]; initial?: AssignmentFormValues }) {
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [policy, setPolicy] = useState(initial?.latePolicy ?? "penalty");

  const save = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const body = {
      title: String(form.get("title") ?? ""),
      opensAt: fromLocalInput(String(form.get("opensAt") ?? "")),
      dueAt: fromLocalInput(String(form.get("dueAt") ?? "")),
      latePolicy: policy,
      latePenaltyPercent: policy === "penalty" ? Number(form.get("latePenaltyPercent") ?? 0) : 0,
      exerciseIds: form.getAll("exerciseIds").map(String),
    };
    setBusy(true);
    setError(undefined);
    try {
      await fetchJson(initial?.id ? classApi(classId, "assignments", initial.id) : classApi(classId, "assignments"), { method: initial?.id ? "PUT" : "POST", json: body });
    } catch (error) {
      setBusy(false);
      setError(error instanceof TypeError ? "The assignment was not saved: the server could not be reached." : (error as Error).message);
      return;
    }
    setBusy(false);
    router.push(classPage(classId, "assignments"));
    router.refresh();
  };

  const remove = async () => {
    if (!initial?.id || !window.confirm(`Delete “${initial.title}”? Students' submissions stay; only the assignment goes.`)) return;
    const deleted = await fetchJson(classApi(classId, "assignments", initial.id), { method: "DELETE" }).then(() => true, () => false);
    if (!deleted) return setError("The assignment was not deleted; please try again.");
    router.push(classPage(classId, "assignments"));
    router.refresh();
  };

  return (
    <form className="account-form assignment-form" onSubmit={save}>
      <div role="alert" className="account-error">
        {error}
      </div>
      <label>
        Title
        <input name="title" required maxLength={200} defaultValue={initial?.title} />
      </label>
      <label>
        Opens
        <input name="opensAt" type="datetime-local" required defaultValue={toLocalInput(initial?.opensAt ?? "")} />
      </label>
      <label>
        Due
        <input name="dueAt" type="datetime-local" required defaultValue={toLocalInput(initial?.dueAt ?? "")} />
      </label>
      <fieldset>
        <legend>Late work</legend>
        <label className="choice">
          <input type="radio" name="latePolicy" value="penalty" checked={policy === "penalty"} onChange={() => setPolicy("penalty")} />
          Accept it with a penalty
        </label>
        {policy === "penalty" && (
          <label>
            Penalty per day late (% of the score)
            <input name="latePenaltyPercent" type="number" min={0} max={100} step={1} required defaultValue={initial?.latePenaltyPercent ?? 10} />
          </label>
        )}
        <label className="choice">
          <input type="radio" name="latePolicy" value="close" checked={policy === "close"} onChange={() => setPolicy("close")} />
          Close at the due date (late work earns nothing)
        </label>
      </fieldset>
      <fieldset>
        <legend>Exercises</legend>
        {exercises.map((exercise) => (
          <label key={exercise.id} className="choice">
            <input type="checkbox" name="exerciseIds" value={exercise.id} defaultChecked={initial?.exerciseIds.includes(exercise.id)} />
            {exercise.title} <span className="choice-detail">({exercise.module})</span>
          </label>
        ))}
      </fieldset>
      <div className="form-actions">
        <button type="submit" disabled={busy}>
          {initial?.id ? "Save changes" : "Create assignment"}
        </button>
        {initial?.id && (
          <button type="button" className="danger-button" onClick={remove}>
            Delete assignment
          </button>
        )}
      </div>
    </form>
  );
}
