import "server-only";
import { NextResponse } from "next/server";
import { limitNewLearnersFromClient } from "./client-limits";
import { learnerForUser, learnerHasAccount } from "@/lib/db/accounts";
import { db } from "@/lib/db/client";
import { auth } from "./auth";
import { learnerFromCookieHeader, newLearnerCookie } from "./learner-cookie";

/**
 * The learner a request acts as, read from the request alone (so route
 * handlers are plain functions of their Request, and the integration tests
 * call them as such). A signed-in user's learner comes from their session, so
 * progress follows them to any browser. Otherwise the anonymous learner in
 * the signed cookie, unless an account owns that learner: after signing out
 * on a shared computer, the browser's cookie must not read the account's work.
 */
export async function currentLearnerId(request: Pick<Request, "headers">): Promise<string | undefined> {
  const session = await auth.api.getSession({ headers: request.headers });
  if (session) return learnerForUser(db(), session.user.id);
  const cookieLearner = learnerFromCookieHeader(request.headers.get("cookie"));
  if (!cookieLearner) return undefined;
  return (await learnerHasAccount(db(), cookieLearner)) ? undefined : cookieLearner;
}

/**
 * Runs a write on behalf of the current learner, making a new anonymous
 * learner (and setting its cookie on the response) when there is none.
 * Browsers normally have one already (proxy.ts gives it with the first page),
 * so a page's concurrent first writes all act as the same learner.
 */
export async function asLearner(request: Request, write: (learnerId: string) => Promise<Response>): Promise<Response> {
  const existing = await currentLearnerId(request);
  if (existing) return write(existing);
  await limitNewLearnersFromClient(request);
  const { id, cookie } = newLearnerCookie(request);
  const written = await write(id);
  const response = written instanceof NextResponse ? written : new NextResponse(written.body, written);
  response.cookies.set(...cookie);
  return response;
}
