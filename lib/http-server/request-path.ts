/**
 * The path a request asks for, as the router will see it: dot segments (also
 * percent-encoded ones) resolved, the query left off. Undefined for a request
 * target no URL parser accepts (`//[`), which server.ts answers with a 400
 * instead of letting the parse throw inside the request handler.
 */
export function requestPath(target: string | undefined): string | undefined {
  try {
    return new URL(target ?? "/", "http://descent.invalid").pathname;
  } catch {
    return undefined;
  }
}
