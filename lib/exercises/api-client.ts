/**
 * The page's calls to the exercise API. Responses are the server's; the
 * browser never computes or sends a score.
 */
import type { ExerciseState, StoredSubmission } from "@/lib/db/progress";

export type { ExerciseState, StoredSubmission };
export type SubmitResponse = { submission: StoredSubmission; state: ExerciseState; lessonCompleted: boolean };

async function request<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, { ...init, headers: { "content-type": "application/json", ...init?.headers } });
  const body = (await response.json().catch(() => ({}))) as T & { error?: string };
  if (!response.ok) throw new Error(body.error ?? `The server answered ${response.status}.`);
  return body;
}

export const exerciseApi = {
  state: (id: string) => request<{ state: ExerciseState; solution?: string }>(`/api/exercises/${id}`, { cache: "no-store" }),

  saveDraft: (id: string, code: string) => request<unknown>(`/api/exercises/${id}/draft`, { method: "PUT", body: JSON.stringify({ code }) }).catch(() => undefined),

  /** When the page is going away: a beacon outlives the page, a fetch may not. */
  saveDraftOnExit: (id: string, code: string) => {
    navigator.sendBeacon(`/api/exercises/${id}/draft`, new Blob([JSON.stringify({ code })], { type: "application/json" }));
  },

  /** One Submit: the same id on a retry, so the server grades and counts it once. */
  async submit(exerciseId: string, code: string): Promise<SubmitResponse> {
    const body = JSON.stringify({ id: crypto.randomUUID(), exerciseId, code });
    try {
      return await request<SubmitResponse>("/api/submissions", { method: "POST", body });
    } catch (error) {
      if (!(error instanceof TypeError)) throw error; // a network failure, not an answer: try once more
      return request<SubmitResponse>("/api/submissions", { method: "POST", body });
    }
  },

  /** Opening a hint is recorded for the instructor's statistics; a failure here must not hide the hint. */
  recordHint: (id: string, index: number) =>
    request<unknown>(`/api/exercises/${id}/hints`, { method: "POST", body: JSON.stringify({ index }) }).catch(() => undefined),

  revealSolution: (id: string) => request<{ solution: string }>(`/api/exercises/${id}/solution`, { method: "POST" }),
};
