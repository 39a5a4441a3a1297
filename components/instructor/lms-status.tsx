import { LocalTime } from "@/components/local-time";
import type { ScoreStatus } from "@/lib/db/lti-scores";
import { RosterSyncButton } from "./class-forms";
import { ReportTable } from "./report-table";

const STATUS_LABELS: Record<string, string> = { pending: "waiting to send", sent: "sent", failed: "not sent" };

/** A class taught through an LMS: when its roster was last read, and where each grade stands on its way there. */
export function LmsStatus({ classId, lms }: { classId: string; lms: { name: string; rosterSyncedAt: Date | null; canSync: boolean; scores: ScoreStatus[] } }) {
  return (
    <section aria-labelledby="lms-grades">
      <h2 id="lms-grades">In the LMS ({lms.name})</h2>
      <p>
        Roster {lms.rosterSyncedAt ? <>read from the LMS <LocalTime iso={lms.rosterSyncedAt.toISOString()} /></> : "not read yet"}. {lms.canSync && <RosterSyncButton classId={classId} />}
      </p>
      {lms.scores.length === 0 ? (
        <p>No grades to send yet: they go to the LMS when students of an item placed there are graded.</p>
      ) : (
        <ReportTable label="Grades sent to the LMS" caption="Each grade is sent once; a failed send is retried, waiting longer each time.">
          <thead>
            <tr>
              <th scope="col">Student</th>
              <th scope="col">Item</th>
              <th scope="col">Status</th>
              <th scope="col">Sent</th>
              <th scope="col">Problem</th>
            </tr>
          </thead>
          <tbody>
            {lms.scores.map((s) => (
              <tr key={`${s.userId} ${s.item}`} data-testid="lms-score">
                <th scope="row">{s.name}</th>
                <td>{s.label}</td>
                <td>{STATUS_LABELS[s.status] ?? s.status}</td>
                <td>
                  {s.sentAt ? (
                    <>
                      {s.sentGiven} · <LocalTime iso={s.sentAt.toISOString()} />
                    </>
                  ) : (
                    "–"
                  )}
                </td>
                <td>{s.lastError ? `${s.lastError} (${s.attempts} ${s.attempts === 1 ? "attempt" : "attempts"})` : "–"}</td>
              </tr>
            ))}
          </tbody>
        </ReportTable>
      )}
    </section>
  );
}
