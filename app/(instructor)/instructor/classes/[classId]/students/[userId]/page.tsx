import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { LocalTime } from "@/components/local-time";
import { studentLabel } from "@/lib/db/gradebook";
import { classPage } from "@/lib/instructor/paths";
import { studentReport } from "@/lib/instructor/reports";
import { STATUS_LABELS, type VerdictStatus } from "@/lib/cell-runtime/verdict";
import { TestResults } from "@/lib/notebook/test-results";

export const metadata: Metadata = { title: "Student" };

/** One student's work: every submission over time with its code, verdict and per-test results. */
export default async function StudentPage({ params }: { params: Promise<{ classId: string; userId: string }> }) {
  const { classId, userId } = await params;
  const report = await studentReport(classId, userId);
  if (report === null) notFound();
  const { history, exerciseTitle: title } = report;
  const label = studentLabel(history);

  return (
    <>
      <h1>{label}</h1>
      <p>
        {history.email} · joined <LocalTime iso={history.joinedAt.toISOString()} />
        {history.lastActivity ? (
          <>
            , last active <LocalTime iso={history.lastActivity.toISOString()} />
          </>
        ) : (
          ", not started"
        )}{" "}
        ·{" "}
        {history.submissions.length} {history.submissions.length === 1 ? "submission" : "submissions"}
      </p>
      {(history.hints.length > 0 || history.reveals.length > 0) && (
        <p>
          Help used: {history.hints.length} {history.hints.length === 1 ? "hint" : "hints"} opened
          {history.reveals.length > 0 && <>; solution revealed for {history.reveals.map((r) => title(r.exerciseId)).join(", ")}</>}.
        </p>
      )}
      <h2>Submissions, newest first</h2>
      {history.submissions.length === 0 && <p>No submissions yet.</p>}
      <ol className="submission-history" reversed>
        {history.submissions.map((submission) => (
          <li key={submission.id} data-testid="history-submission">
            <details>
              <summary>
                <LocalTime iso={submission.createdAt.toISOString()} /> · {title(submission.exerciseId)} · {submission.score}/{submission.maxScore} ·{" "}
                {STATUS_LABELS[submission.status as VerdictStatus] ?? submission.status}
              </summary>
              {submission.verdict?.message && <p className="verdict-message">{submission.verdict.message}</p>}
              {submission.verdict && <TestResults tests={submission.verdict.tests} label={`Test results of this submission`} />}
              <h3 className="visually-hidden">Code</h3>
              <pre className="submission-code" tabIndex={0} aria-label="Submitted code">
                <code>{submission.code}</code>
              </pre>
              {submission.verdict?.logs && (
                <details>
                  <summary>Console output</summary>
                  <pre>{submission.verdict.logs}</pre>
                </details>
              )}
            </details>
          </li>
        ))}
      </ol>
      <p>
        <Link href={classPage(classId)}>Back to the roster</Link>
      </p>
    </>
  );
}
