import "server-only";
import { randomUUID } from "node:crypto";
import { SignJWT } from "jose";
import type { Db } from "@/lib/db/client";
import { MEDIA_TYPES, SCOPES } from "./constants";
import { callPlatform } from "./errors";
import { signingKey } from "./keys";
import type { Platform } from "./platforms";

/**
 * Descent calling a platform's services (Assignment and Grade Services,
 * Names and Role Provisioning): an OAuth2 client-credentials token obtained
 * with a JWT signed by our key (Security Framework §4.1), cached per
 * platform and scopes until shortly before it expires.
 */
const tokens = new Map<string, { token: string; expiresAt: number }>();

async function accessToken(db: Db, platform: Platform, scopes: readonly string[]): Promise<string> {
  const cacheKey = `${platform.id} ${[...scopes].sort().join(" ")}`;
  const cached = tokens.get(cacheKey);
  if (cached && cached.expiresAt > Date.now() + 30_000) return cached.token;
  const { kid, key } = await signingKey(db);
  const assertion = await new SignJWT({})
    .setProtectedHeader({ alg: "RS256", kid, typ: "JWT" })
    .setIssuer(platform.clientId)
    .setSubject(platform.clientId)
    .setAudience(platform.tokenAudience || platform.tokenEndpoint)
    .setIssuedAt()
    .setExpirationTime("5m")
    .setJti(randomUUID())
    .sign(key);
  const body = new URLSearchParams({
    grant_type: "client_credentials",
    client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
    client_assertion: assertion,
    scope: scopes.join(" "),
  });
  const response = await callPlatform("the LMS's token endpoint", platform.tokenEndpoint, { method: "POST", body, headers: { accept: "application/json" } });
  const { access_token, expires_in } = (await response.json()) as { access_token?: string; expires_in?: number };
  if (!access_token) throw new Error(`the LMS's token endpoint ${platform.tokenEndpoint} gave no access_token`);
  tokens.set(cacheKey, { token: access_token, expiresAt: Date.now() + (expires_in ?? 3600) * 1000 });
  return access_token;
}

async function call(db: Db, platform: Platform, scopes: readonly string[], what: string, url: string, init: RequestInit & { accept: string }): Promise<Response> {
  const token = await accessToken(db, platform, scopes);
  const { accept, ...rest } = init;
  return callPlatform(what, url, { ...rest, headers: { ...rest.headers, accept, authorization: `Bearer ${token}` } });
}

export type LineItemSpec = { resourceId: string; label: string; scoreMaximum: number; resourceLinkId?: string };

/**
 * The URL of the platform's line item for one Descent item, made only if the
 * platform has none with that resourceId: asking first keeps creation
 * idempotent (a second launch or a retry finds the first one's).
 */
export async function ensureLineItem(db: Db, platform: Platform, lineItemsUrl: string, spec: LineItemSpec): Promise<string> {
  const search = new URL(lineItemsUrl);
  search.searchParams.set("resource_id", spec.resourceId);
  const scopes = [SCOPES.lineItem];
  const found = (await (await call(db, platform, scopes, "the LMS's line items", search.toString(), { accept: MEDIA_TYPES.lineItemContainer })).json()) as Array<{ id: string; resourceId?: string }>;
  const existing = found.find((item) => item.resourceId === spec.resourceId);
  if (existing) return existing.id;
  const created = await call(db, platform, scopes, "the LMS's line items", lineItemsUrl, {
    method: "POST",
    accept: MEDIA_TYPES.lineItem,
    headers: { "content-type": MEDIA_TYPES.lineItem },
    body: JSON.stringify({ ...spec, tag: "descent" }),
  });
  return ((await created.json()) as { id: string }).id;
}

export type Score = { userId: string; scoreGiven: number; scoreMaximum: number; timestamp: string };

/** Posts a score to a line item (`<line item>/scores`, the path extended before any query string). */
export async function postScore(db: Db, platform: Platform, lineItemUrl: string, score: Score): Promise<void> {
  const url = new URL(lineItemUrl);
  url.pathname = `${url.pathname.replace(/\/$/, "")}/scores`;
  await call(db, platform, [SCOPES.score], "the LMS's scores", url.toString(), {
    method: "POST",
    accept: "application/json",
    headers: { "content-type": MEDIA_TYPES.score },
    body: JSON.stringify({ ...score, activityProgress: "Completed", gradingProgress: "FullyGraded" }),
  });
}

export type Member = { status?: string; name?: string; email?: string; user_id: string; roles: string[] };

/** The course's members (NRPS), following `Link: <…>; rel="next"` pages. */
export async function courseMembers(db: Db, platform: Platform, membershipsUrl: string): Promise<Member[]> {
  const members: Member[] = [];
  for (let url: string | undefined = membershipsUrl, pages = 0; url && pages < 100; pages++) {
    const response = await call(db, platform, [SCOPES.memberships], "the LMS's roster", url, { accept: MEDIA_TYPES.memberships });
    members.push(...(((await response.json()) as { members?: Member[] }).members ?? []));
    url = /<([^>]+)>;\s*rel="next"/.exec(response.headers.get("link") ?? "")?.[1];
  }
  return members;
}
