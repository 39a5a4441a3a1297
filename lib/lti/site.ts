import "server-only";
import { headersOrigin, requestOrigin } from "@/lib/api/request-origin";
import { env } from "@/lib/env";
import { LtiError } from "./errors";

/** This site's origin as the LMS knows it: the public URL in production, else the address the request came to. */
export function siteOrigin(request: Request): string {
  const origin = publicOrigin() ?? requestOrigin(request);
  if (!origin) throw new LtiError("this request's Host is not one a browser would send.");
  return origin;
}

/** The same for a server component (the LMS settings page), from its request's headers; undefined for a Host no browser sends. */
export function siteOriginOf(headers: Headers): string | undefined {
  return publicOrigin() ?? headersOrigin(headers);
}

const publicOrigin = () => (env().BETTER_AUTH_URL ? new URL(env().BETTER_AUTH_URL!).origin : undefined);

/** An LTI message's fields: the query of a GET, the form of a POST (platforms use either for the login). */
export async function messageFields(request: Request): Promise<URLSearchParams> {
  if (request.method === "GET") return new URL(request.url).searchParams;
  const type = request.headers.get("content-type") ?? "";
  if (!type.startsWith("application/x-www-form-urlencoded") && !type.startsWith("multipart/form-data")) throw new LtiError("an LTI message is posted as a form.", 415);
  if (Number(request.headers.get("content-length") ?? 0) > 64 * 1024) throw new LtiError("the message is too large.", 413);
  const form = await request.formData();
  return new URLSearchParams([...form.entries()].filter((entry): entry is [string, string] => typeof entry[1] === "string"));
}
