"use client";

import { useApiCall } from "@/components/use-api-call";

/** Joins the class the code opens, then shows the page as a member. */
export function JoinClassButton({ code, className }: { code: string; className: string }) {
  const { call, busy, alert } = useApiCall();
  return (
    <>
      {alert}
      <button type="button" onClick={() => call("/api/classes/join", { method: "POST", json: { code } })} disabled={busy}>
        Join {className}
      </button>
    </>
  );
}
