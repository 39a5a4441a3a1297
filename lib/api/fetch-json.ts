/**
 * The browser's one way to call Descent's API: JSON in and out, and a
 * refusal's message (every 4xx and 5xx answer carries `{ error }`) thrown as
 * the Error's message, so each caller shows the server's own words.
 * A network failure rejects with fetch's TypeError.
 */
export async function fetchJson<T>(url: string, init: RequestInit & { json?: unknown } = {}): Promise<T> {
  const { json, ...rest } = init;
  const response = await fetch(url, json === undefined ? rest : { ...rest, body: JSON.stringify(json), headers: { "content-type": "application/json", ...rest.headers } });
  const body: unknown = response.status === 204 ? undefined : await response.json().catch(() => undefined);
  if (!response.ok) throw new Error((body as { error?: string } | undefined)?.error ?? `The server answered ${response.status}.`);
  return body as T;
}
