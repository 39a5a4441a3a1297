import "server-only";
import { randomUUID } from "node:crypto";
import { cookies } from "next/headers";
import { learnerForUser } from "@/lib/db/accounts";
import { db } from "@/lib/db/client";
import { auth } from "./auth";
import { LEARNER_COOKIE, signLearnerId, verifyLearnerCookie } from "./learner-cookie";

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

/**
 * The current learner's id. A signed-in user's learner comes from their
 * session (so progress follows them to any browser); otherwise the cookie's
 * anonymous learner, or a new one (and its cookie) when there is none, if `create`.
 */
export async function currentLearnerId(request: Request, options: { create: boolean }): Promise<string | undefined> {
  const session = await auth.api.getSession({ headers: request.headers });
  if (session) return learnerForUser(db(), session.user.id);
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
