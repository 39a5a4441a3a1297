import "server-only";
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from "jose";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { CLAIMS, MESSAGE_TYPES } from "./constants";
import { LtiError } from "./errors";
import { addDeployment, knowsDeployment, platformById, type Platform } from "./platforms";

/** Each platform's keys, fetched from its JWKS and cached by jose (refetched when an unknown kid appears). */
const jwksByUrl = new Map<string, ReturnType<typeof createRemoteJWKSet>>();
const platformKeys = (platform: Platform) => {
  let jwks = jwksByUrl.get(platform.jwksUri);
  if (!jwks) {
    jwks = createRemoteJWKSet(new URL(platform.jwksUri), { timeoutDuration: 10_000, cooldownDuration: 30_000 });
    jwksByUrl.set(platform.jwksUri, jwks);
  }
  return jwks;
};

/** The claims Descent reads from a launch, checked for shape; anything else in the token is ignored. */
const LaunchClaims = z.object({
  sub: z.string().min(1, "sub is missing (anonymous launches are not supported)").max(255),
  name: z.string().max(200).optional(),
  given_name: z.string().max(100).optional(),
  family_name: z.string().max(100).optional(),
  email: z.string().max(254).optional(),
  [CLAIMS.messageType]: z.enum([MESSAGE_TYPES.resourceLink, MESSAGE_TYPES.deepLinking], { error: "message_type is not one Descent handles" }),
  [CLAIMS.version]: z.literal("1.3.0", { error: "version must be 1.3.0" }),
  [CLAIMS.deploymentId]: z.string().min(1).max(200),
  [CLAIMS.targetLinkUri]: z.string().max(2000).optional(),
  [CLAIMS.resourceLink]: z.object({ id: z.string().max(255), title: z.string().max(500).optional() }).optional(),
  [CLAIMS.roles]: z.array(z.string().max(300)).max(100).default([]),
  [CLAIMS.context]: z.object({ id: z.string().min(1).max(255), label: z.string().max(200).optional(), title: z.string().max(500).optional() }).optional(),
  [CLAIMS.custom]: z.record(z.string(), z.unknown()).optional(),
  [CLAIMS.ags]: z.object({ scope: z.array(z.string()).default([]), lineitems: z.string().max(2000).optional(), lineitem: z.string().max(2000).optional() }).optional(),
  [CLAIMS.nrps]: z.object({ context_memberships_url: z.string().max(2000) }).optional(),
  [CLAIMS.deepLinkingSettings]: z
    .object({ deep_link_return_url: z.string().max(2000), accept_types: z.array(z.string()).default([]), accept_multiple: z.boolean().optional(), data: z.string().max(4000).optional() })
    .optional(),
});
export type Launch = z.infer<typeof LaunchClaims> & { platform: Platform };

/** Clock skew allowed between the platform and us. */
const CLOCK_TOLERANCE_SECONDS = 60;

/**
 * Validates a launch's id_token (Security Framework §5.1.3): its signature
 * against the platform's JWKS, issuer, audience (and azp when there are
 * several), expiry and issue time, the nonce this login issued, the
 * deployment, version and message type. Each failure is refused with what was wrong.
 */
export async function validateLaunch(db: Db, idToken: string, login: { nonce: string; platformId: string }): Promise<Launch> {
  const platform = await platformById(db, login.platformId);
  if (!platform) throw new LtiError("the LMS registration for this login was removed.");
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(idToken, platformKeys(platform), {
      issuer: platform.issuer,
      audience: platform.clientId,
      algorithms: ["RS256"],
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      maxTokenAge: "10m",
      requiredClaims: ["exp", "iat", "nonce", "sub"],
    }));
  } catch (error) {
    throw new LtiError(describeTokenError(error));
  }
  const audiences = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
  if (audiences.length > 1 && payload.azp !== platform.clientId) throw new LtiError(`the id_token names several audiences but its azp is not this tool's client id.`);
  if (payload.nonce !== login.nonce) throw new LtiError("the id_token's nonce is not the one this login sent (a replayed or substituted token).");
  const parsed = LaunchClaims.safeParse(payload);
  if (!parsed.success) throw new LtiError(`the id_token's claims are not valid: ${parsed.error.issues.map((i) => `${String(i.path.at(-1) ?? "")} ${i.message}`.trim()).join("; ")}.`);
  const claims = parsed.data;
  const deploymentId = claims[CLAIMS.deploymentId];
  if (!(await knowsDeployment(db, platform.id, deploymentId))) {
    // A registration that named no deployment (Dynamic Registration often does not) learns its first one.
    if ((await db.ltiDeployment.count({ where: { platformId: platform.id } })) > 0) throw new LtiError(`deployment ${deploymentId} is not registered for this LMS: add it on Descent's LMS page.`);
    await addDeployment(db, platform.id, deploymentId);
  }
  if (claims[CLAIMS.messageType] === MESSAGE_TYPES.resourceLink && !claims[CLAIMS.resourceLink]) throw new LtiError("a resource link launch must carry its resource_link claim.");
  if (claims[CLAIMS.messageType] === MESSAGE_TYPES.deepLinking && !claims[CLAIMS.deepLinkingSettings]) throw new LtiError("a deep-linking request must carry its deep_linking_settings claim.");
  return { ...claims, platform };
}

function describeTokenError(error: unknown): string {
  if (error instanceof errors.JWTExpired) {
    return error.claim === "iat" ? "the id_token was issued too long ago (check the LMS's clock)." : "the id_token has expired: start the launch again from the LMS.";
  }
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === "aud") return "the id_token is not meant for this tool (its audience is not Descent's client id).";
    if (error.claim === "iss") return "the id_token's issuer is not the registered LMS.";
    if (error.claim === "iat") return "the id_token was issued too long ago or in the future (check the LMS's clock).";
    return `the id_token's ${error.claim} claim is not valid: ${error.reason}.`;
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) return "the id_token's signature does not verify against the LMS's keys (a tampered token).";
  if (error instanceof errors.JWKSNoMatchingKey) return "the id_token is signed with a key the LMS does not publish.";
  if (error instanceof errors.JOSEError) return `the id_token is not valid (${error.code}).`;
  return `the LMS's keys could not be read (${(error as Error).message}).`;
}
