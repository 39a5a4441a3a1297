"use client";

import Link from "next/link";
import { useSyncExternalStore, type FormEvent } from "react";
import { useApiCall } from "@/components/use-api-call";
import { classApi, classPage } from "@/lib/instructor/paths";

/**
 * The instructor's class controls: each calls the API (which checks
 * everything again), shows the server's own message when refused, and
 * refreshes the page's server data when done.
 */
export function NewClassForm() {
  const { call, busy, alert, router } = useApiCall();
  const create = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    void call<{ id: string }>("/api/instructor/classes", { method: "POST", json: { name: form.get("name"), term: form.get("term") } }, ({ id }) => router.push(classPage(id, "people")));
  };
  return (
    <form className="account-form" onSubmit={create}>
      {alert}
      <label>
        Name <input name="name" required maxLength={120} placeholder="Deep learning, section A" />
      </label>
      <label>
        Term (optional) <input name="term" maxLength={60} placeholder="Spring 2027" />
      </label>
      <button type="submit" disabled={busy}>
        Create class
      </button>
    </form>
  );
}

/** The join link as students will open it: the page's own origin is only known in the browser. */
const noSubscription = () => () => {};
function useJoinLink(code: string) {
  const origin = useSyncExternalStore(noSubscription, () => window.location.origin, () => "");
  return `${origin}/join/${code}`;
}

export function JoinCodePanel({ classId, joinCode }: { classId: string; joinCode: string | null }) {
  const { call, busy, alert } = useApiCall();
  const link = useJoinLink(joinCode ?? "");
  const setOpen = (open: boolean) => call(classApi(classId, "join-code"), { method: "PUT", json: { open } });
  return (
    <div className="join-code-panel">
      {alert}
      {joinCode ? (
        <>
          <p>
            Students join with the code <strong data-testid="join-code">{joinCode}</strong> at <Link href="/join">/join</Link>, or by this link:
          </p>
          <p>
            <Link href={`/join/${joinCode}`} data-testid="join-link">
              {link}
            </Link>
          </p>
          <p className="join-code-actions">
            <button type="button" disabled={busy} onClick={() => setOpen(true)}>
              Make a new code
            </button>
            <button type="button" disabled={busy} onClick={() => setOpen(false)}>
              Close joining
            </button>
          </p>
          <p className="hint">A new code stops the old one and its link at once; students already in the class stay.</p>
        </>
      ) : (
        <>
          <p data-testid="joining-closed">Joining is closed: no code lets anyone in.</p>
          <button type="button" disabled={busy} onClick={() => setOpen(true)}>
            Open joining with a new code
          </button>
        </>
      )}
    </div>
  );
}

export function AddInstructorForm({ classId }: { classId: string }) {
  const { call, busy, alert } = useApiCall();
  const add = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    void call(classApi(classId, "instructors"), { method: "POST", json: { email: form.get("email") } }, () => formElement.reset());
  };
  return (
    <form className="account-form" onSubmit={add}>
      {alert}
      <label>
        Co-instructor&apos;s email <input name="email" type="email" required maxLength={254} />
      </label>
      <button type="submit" disabled={busy}>
        Add co-instructor
      </button>
    </form>
  );
}

export function RemoveMemberButton({ classId, userId, name }: { classId: string; userId: string; name: string }) {
  const { call, busy, alert } = useApiCall();
  const remove = () => {
    if (!window.confirm(`Remove ${name} from this class? Their work stays theirs; it stops showing here.`)) return;
    void call(classApi(classId, "members", userId), { method: "DELETE" });
  };
  return (
    <>
      <button type="button" disabled={busy} onClick={remove} aria-label={`Remove ${name}`}>
        Remove
      </button>
      {alert}
    </>
  );
}

export function RosterSyncButton({ classId }: { classId: string }) {
  const { call, busy, alert } = useApiCall();
  return (
    <>
      <button type="button" disabled={busy} onClick={() => call(classApi(classId, "roster-sync"), { method: "POST" })}>
        Read the roster from the LMS now
      </button>
      {alert}
    </>
  );
}
