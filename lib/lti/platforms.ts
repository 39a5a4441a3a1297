import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Db } from "@/lib/db/client";

/** An address Descent will call on a platform's behalf: https, or http on this machine (development and tests). */
const serviceUrl = z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).refine(
  (value) => {
    const { protocol, hostname } = new URL(value);
    return protocol === "https:" || ["localhost", "127.0.0.1", "[::1]"].includes(hostname);
  },
  { message: "must use https (plain http only on this machine: localhost or 127.0.0.1)" },
);

/** A registration as an administrator pastes it from the LMS, or as Dynamic Registration learns it. */
export const PlatformInput = z.strictObject({
  name: z.string().trim().max(120).default(""),
  issuer: z.url({ error: "issuer must be a URL, as the LMS shows it (e.g. https://canvas.instructure.com)" }).max(500),
  clientId: z.string().trim().min(1, "clientId must not be empty").max(200),
  deploymentIds: z.array(z.string().trim().min(1).max(200)).max(50).default([]),
  authorizationEndpoint: serviceUrl,
  tokenEndpoint: serviceUrl,
  jwksUri: serviceUrl,
  tokenAudience: z.string().trim().max(500).optional(),
});
export type PlatformInput = z.infer<typeof PlatformInput>;

export type Platform = {
  id: string;
  issuer: string;
  clientId: string;
  name: string;
  authorizationEndpoint: string;
  tokenEndpoint: string;
  jwksUri: string;
  tokenAudience: string | null;
};

/**
 * Adds the registration. A known issuer and client id keep their endpoints
 * and only gain the deployments given: a registration's keys decide whose
 * launches are believed, so pasting values again must not redirect them.
 * Dynamic Registration, which learned them from the LMS itself, may update them.
 */
export async function savePlatform(db: Db, input: PlatformInput, { update = false } = {}): Promise<{ id: string; existed: boolean }> {
  const { deploymentIds, ...fields } = input;
  const key = { issuer_clientId: { issuer: fields.issuer, clientId: fields.clientId } };
  const existing = await db.ltiPlatform.findUnique({ where: key, select: { id: true } });
  const id = existing?.id ?? randomUUID();
  if (!existing) await db.ltiPlatform.create({ data: { id, ...fields } });
  else if (update) await db.ltiPlatform.update({ where: key, data: fields });
  for (const deploymentId of deploymentIds) await addDeployment(db, id, deploymentId);
  return { id, existed: Boolean(existing) };
}

export async function addDeployment(db: Db, platformId: string, deploymentId: string): Promise<void> {
  await db.ltiDeployment.upsert({ where: { platformId_deploymentId: { platformId, deploymentId } }, create: { platformId, deploymentId }, update: {} });
}

/**
 * The registration a login names. With a client id, exactly that one; without
 * (it is optional in the login request), the issuer's only registration.
 */
export async function findPlatform(db: Db, issuer: string, clientId?: string): Promise<Platform | undefined> {
  if (clientId) return (await db.ltiPlatform.findUnique({ where: { issuer_clientId: { issuer, clientId } } })) ?? undefined;
  const rows = await db.ltiPlatform.findMany({ where: { issuer }, take: 2 });
  return rows.length === 1 ? rows[0] : undefined;
}

export async function platformById(db: Db, id: string): Promise<Platform | undefined> {
  return (await db.ltiPlatform.findUnique({ where: { id } })) ?? undefined;
}

export async function knowsDeployment(db: Db, platformId: string, deploymentId: string): Promise<boolean> {
  return (await db.ltiDeployment.findUnique({ where: { platformId_deploymentId: { platformId, deploymentId } } })) !== null;
}

export async function listPlatforms(db: Db): Promise<Array<Platform & { deploymentIds: string[] }>> {
  const rows = await db.ltiPlatform.findMany({ include: { deployments: true }, orderBy: { createdAt: "asc" } });
  return rows.map((row) => ({
    id: row.id,
    issuer: row.issuer,
    clientId: row.clientId,
    name: row.name,
    authorizationEndpoint: row.authorizationEndpoint,
    tokenEndpoint: row.tokenEndpoint,
    jwksUri: row.jwksUri,
    tokenAudience: row.tokenAudience,
    deploymentIds: row.deployments.map((d) => d.deploymentId),
  }));
}

/** Where Descent's LTI endpoints are, for the registration page, Dynamic Registration and the launch's checks. */
export function toolUrls(origin: string) {
  return {
    login: `${origin}/api/lti/login`,
    launch: `${origin}/api/lti/launch`,
    jwks: `${origin}/api/lti/jwks`,
    deepLink: `${origin}/api/lti/launch`,
    register: `${origin}/api/lti/register`,
  };
}
