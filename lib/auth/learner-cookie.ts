import "server-only";
import { createHmac, randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { cookies } from "next/headers";

/**
 * The anonymous learner: a random id in a signed, httpOnly cookie, so
 * progress survives reloads and server restarts without an account. When
 * accounts come, signing up attaches the account to this learner row.
 *
 * SameSite=Lax: cells run in an opaque-origin frame whose requests carry no
 * cookies, and other sites cannot post to our API with them.
 */
export const LEARNER_COOKIE = "descent_learner";
const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

let secret: Buffer | undefined;

/** DESCENT_SECRET in production; otherwise one generated on first use and kept in data/, so restarts keep sessions. */
function signingSecret(): Buffer {
  if (secret) return secret;
  const fromEnv = process.env.DESCENT_SECRET;
  if (fromEnv) {
    if (fromEnv.length < 32) throw new Error("DESCENT_SECRET must be at least 32 characters");
    secret = Buffer.from(fromEnv);
    return secret;
  }
  const file = path.join(process.cwd(), "data", "secret");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("hex"), { mode: 0o600, flag: "wx" });
  }
  secret = Buffer.from(readFileSync(file, "utf8").trim());
  return secret;
}

const sign = (id: string) => createHmac("sha256", signingSecret()).update(id).digest("base64url");

export function signLearnerId(id: string): string {
  return `${id}.${sign(id)}`;
}

/** The learner id in a cookie value, if its signature is ours. */
export function verifyLearnerCookie(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const dot = value.lastIndexOf(".");
  if (dot <= 0) return undefined;
  const id = value.slice(0, dot);
  const given = Buffer.from(value.slice(dot + 1));
  const expected = Buffer.from(sign(id));
  return given.length === expected.length && timingSafeEqual(given, expected) ? id : undefined;
}

/** The current learner's id; a new one (and its cookie) when there is none, if `create`. For route handlers. */
export async function currentLearnerId(request: Request, options: { create: boolean }): Promise<string | undefined> {
  const jar = await cookies();
  const existing = verifyLearnerCookie(jar.get(LEARNER_COOKIE)?.value);
  if (existing || !options.create) return existing;
  const id = randomUUID();
  jar.set(LEARNER_COOKIE, signLearnerId(id), {
    httpOnly: true,
    sameSite: "lax",
    // Secure whenever the site is served over https (directly or behind a proxy); a school's plain-http LAN server still works.
    secure: new URL(request.url).protocol === "https:" || request.headers.get("x-forwarded-proto") === "https",
    path: "/",
    maxAge: ONE_YEAR_SECONDS,
  });
  return id;
}
