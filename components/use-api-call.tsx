"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { fetchJson } from "@/lib/api/fetch-json";

/**
 * A control that calls Descent's API: busy while it waits, the server's own
 * message when refused (in an alert region), and the page's server data
 * refreshed when done.
 */
export function useApiCall() {
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const call = async <T,>(url: string, init: RequestInit & { json?: unknown }, then?: (result: T) => void) => {
    setBusy(true);
    setError(undefined);
    try {
      const result = await fetchJson<T>(url, init);
      then?.(result);
      router.refresh();
    } catch (error) {
      setError(error instanceof TypeError ? "The server could not be reached; nothing was changed." : (error as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const alert = (
    <div role="alert" className="account-error">
      {error}
    </div>
  );
  return { call, busy, alert, router };
}
