/**
 * The page's calls to the exercise API. Responses are the server's; the
 * browser never computes or sends a score.
 */
import { fetchJson } from "@/lib/api/fetch-json";
import type { ExerciseState, StoredSubmission } from "@/lib/db/progress";
import type { SolutionAccess } from "@/lib/exercises/solution-access";

export type { ExerciseState, SolutionAccess, StoredSubmission };
export type ExerciseView = { state: ExerciseState; access: SolutionAccess; solution?: string };
export type SubmitResponse = { submission: StoredSubmission; state: ExerciseState; lessonCompleted: boolean };

/** How many times a pending submission is asked after (about a minute each) before the page shows it as pending. */
const MAX_FOLLOW_UPS = 15;

export const exerciseApi = {
  state: (id: string) => fetchJson<ExerciseView>(`/api/exercises/${id}`, { cache: "no-store" }),

  saveDraft: (id: string, code: string) => fetchJson(`/api/exercises/${id}/draft`, { method: "PUT", json: { code } }).catch(() => undefined),

  /** When the page is going away: a beacon outlives the page, a fetch may not. */
  saveDraftOnExit: (id: string, code: string) => {
    navigator.sendBeacon(`/api/exercises/${id}/draft`, new Blob([JSON.stringify({ code })], { type: "application/json" }));
  },

  /**
   * One Submit: the same id on every request, so the server grades and counts
   * it once. A network failure is tried once more; an answer that is still
   * pending (202: the graders are busy) is followed by asking again with the
   * same id, each request waiting up to a minute on the server.
   */
  async submit(exerciseId: string, code: string): Promise<SubmitResponse> {
    const json = { id: crypto.randomUUID(), exerciseId, code };
    const send = async () => {
      try {
        return await fetchJson<SubmitResponse>("/api/submissions", { method: "POST", json });
      } catch (error) {
        if (!(error instanceof TypeError)) throw error; // a network failure, not an answer: try once more
        return fetchJson<SubmitResponse>("/api/submissions", { method: "POST", json });
      }
    };
    let answer = await send();
    for (let asked = 1; answer.submission.status === "pending" && asked < MAX_FOLLOW_UPS; asked++) answer = await send();
    return answer;
  },

  /** Opening a hint is recorded for the instructor's statistics; a failure here must not hide the hint. */
  recordHint: (id: string, index: number) =>
    fetchJson(`/api/exercises/${id}/hints`, { method: "POST", json: { index } }).catch(() => undefined),

  revealSolution: (id: string) => fetchJson<{ solution: string }>(`/api/exercises/${id}/solution`, { method: "POST" }),
};
