import "server-only";
import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import { derivedKey, signingSecret } from "./secret";

/**
 * The anonymous learner: a random id in a signed, httpOnly cookie, so
 * progress survives reloads and server restarts without an account. When
 * accounts come, signing up attaches the account to this learner row.
 *
 * SameSite=Lax: cells run in an opaque-origin frame whose requests carry no
 * cookies, and other sites cannot post to our API with them.
 */
export const LEARNER_COOKIE = "descent_learner";

const sign = (id: string, key: Buffer) => createHmac("sha256", key).update(id).digest("base64url");

export function signLearnerId(id: string): string {
  return `${id}.${sign(id, derivedKey("learner-cookie"))}`;
}

const signedWith = (id: string, signature: string, key: Buffer) => {
  const given = Buffer.from(signature);
  const expected = Buffer.from(sign(id, key));
  return given.length === expected.length && timingSafeEqual(given, expected);
};

/**
 * The learner id in a cookie value, if its signature is ours. `current` is
 * false for a cookie signed before the learner cookie had its own key (with
 * the secret itself): still honoured, so no anonymous learner loses their
 * work, and re-signed by proxy.ts on their next page.
 */
export function verifyLearnerCookie(value: string | undefined): { id: string; current: boolean } | undefined {
  if (!value) return undefined;
  const dot = value.lastIndexOf(".");
  if (dot <= 0) return undefined;
  const id = value.slice(0, dot);
  const signature = value.slice(dot + 1);
  if (signedWith(id, signature, derivedKey("learner-cookie"))) return { id, current: true };
  if (signedWith(id, signature, signingSecret())) return { id, current: false };
  return undefined;
}

/** The anonymous learner cookie in a Cookie header, if its signature is ours. */
export function learnerCookieFromHeader(header: string | null | undefined): { id: string; current: boolean } | undefined {
  const match = (header ?? "").match(new RegExp(`(?:^|;\\s*)${LEARNER_COOKIE}=([^;]+)`));
  return verifyLearnerCookie(match?.[1] ? decodeURIComponent(match[1]) : undefined);
}

/** The anonymous learner named by a Cookie header, if its signature is ours. */
export function learnerFromCookieHeader(header: string | null | undefined): string | undefined {
  return learnerCookieFromHeader(header)?.id;
}

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

/** A new anonymous learner (or `id`, re-signed): its id, and the cookie that names it, as arguments for `response.cookies.set`. */
export function newLearnerCookie(request: Request, id: string = randomUUID()) {
  return {
    id,
    cookie: [
      LEARNER_COOKIE,
      signLearnerId(id),
      {
        httpOnly: true,
        sameSite: "lax",
        // Secure whenever the site is served over https (directly or behind a proxy); a school's plain-http LAN server still works.
        secure: new URL(request.url).protocol === "https:" || request.headers.get("x-forwarded-proto") === "https",
        path: "/",
        maxAge: ONE_YEAR_SECONDS,
      },
    ] as const,
  };
}
