import "server-only";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { LtiError } from "./errors";
import { findPlatform, toolUrls } from "./platforms";

/** How long a login may take between the platform's first request and its launch. */
const LOGIN_TTL_MS = 10 * 60_000;
export const STATE_COOKIE = "descent_lti_state";

/** The OIDC third-party login initiation (LTI Core, Security Framework §5.1.1), from the query or the form. */
export const LoginParams = z.object({
  iss: z.string().min(1, "iss is missing").max(500),
  login_hint: z.string().min(1, "login_hint is missing").max(2000),
  target_link_uri: z.string().min(1, "target_link_uri is missing").max(2000),
  lti_message_hint: z.string().max(4000).optional(),
  lti_deployment_id: z.string().max(200).optional(),
  client_id: z.string().max(200).optional(),
  lti_storage_target: z.string().max(200).optional(),
});

export type LoginStart = {
  /** The platform's authorization request, to send the browser to. */
  authorizationUrl: string;
  state: string;
  /** Where the state is kept in the browser: a cookie, or the platform's storage (cookieless, lti_storage_target). */
  storage: { kind: "cookie" } | { kind: "platform"; target: string; origin: string };
};

const random = () => randomBytes(24).toString("base64url");

/**
 * Starts a launch: checks that the platform is registered and that the launch
 * targets this site, records a state and a nonce (each good for one launch,
 * for 10 minutes), and builds the authorization request.
 */
export async function startLogin(db: Db, params: z.infer<typeof LoginParams>, siteOrigin: string): Promise<LoginStart> {
  const platform = await findPlatform(db, params.iss, params.client_id);
  if (!platform) throw new LtiError(`no LMS is registered with issuer ${params.iss}${params.client_id ? ` and client id ${params.client_id}` : ""}. An administrator registers it first (README: "Using Descent from an LMS").`);
  if (!params.target_link_uri.startsWith(`${siteOrigin}/`)) throw new LtiError(`target_link_uri ${params.target_link_uri} is not on this site (${siteOrigin}).`);
  const [state, nonce] = [random(), random()];
  await forgetEndedLaunches(db);
  await db.ltiLogin.create({ data: { state, nonce, platformId: platform.id, expiresAt: new Date(Date.now() + LOGIN_TTL_MS) } });
  const url = new URL(platform.authorizationEndpoint);
  const query = {
    scope: "openid",
    response_type: "id_token",
    response_mode: "form_post",
    prompt: "none",
    client_id: platform.clientId,
    redirect_uri: toolUrls(siteOrigin).launch,
    login_hint: params.login_hint,
    state,
    nonce,
    ...(params.lti_message_hint ? { lti_message_hint: params.lti_message_hint } : {}),
  };
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
  const storage = params.lti_storage_target ? { kind: "platform" as const, target: params.lti_storage_target, origin: url.origin } : { kind: "cookie" as const };
  return { authorizationUrl: url.toString(), state, storage };
}

/**
 * Takes the login a launch's state names, once: a second launch with the same
 * state (a replay) finds it used. Returns its nonce and platform, for the id_token's checks.
 */
export async function consumeLogin(db: Db, state: string, now = new Date()): Promise<{ nonce: string; platformId: string }> {
  const login = await db.ltiLogin.findUnique({ where: { state } });
  if (!login) throw new LtiError("the state is unknown: start the launch again from the LMS.");
  const taken = await db.ltiLogin.updateMany({ where: { state, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
  if (taken.count !== 1) throw new LtiError(login.usedAt ? "this launch was already used (a replayed request): start it again from the LMS." : "the launch took too long: start it again from the LMS.");
  return { nonce: login.nonce, platformId: login.platformId };
}

/** Logins and launch tickets live minutes; what ended an hour ago is forgotten (checked on one login in fifty). */
async function forgetEndedLaunches(db: Db, now = Date.now()): Promise<void> {
  if (Math.random() >= 0.02) return;
  const before = new Date(now - 3600_000);
  await Promise.all([db.ltiLogin.deleteMany({ where: { expiresAt: { lt: before } } }), db.ltiLaunch.deleteMany({ where: { expiresAt: { lt: before } } })]);
}
