import "server-only";
import { randomUUID } from "node:crypto";
import { SignJWT } from "jose";
import type { Db } from "@/lib/db/client";
import { CLAIMS, MESSAGE_TYPES } from "./constants";
import { signingKey } from "./keys";
import type { Platform } from "./platforms";

/** What an instructor can place in the LMS course: a lesson (ungraded), an exercise or an assignment (graded). */
export type PlaceableItem = { item: string; title: string; scoreMaximum?: number };

export type DeepLinkingRequest = { returnUrl: string; data?: string; deploymentId: string; acceptMultiple: boolean };

/**
 * The signed answer to a deep-linking request (Deep Linking 2.0): one
 * ltiResourceLink per picked item, launching Descent with the item in its
 * custom parameters (platforms that launch the registered URL still pass
 * them), and a line item for each graded one, so the LMS makes its grade
 * column at once.
 */
export async function deepLinkingResponse(db: Db, platform: Platform, request: DeepLinkingRequest, items: readonly PlaceableItem[], launchUrl: string): Promise<string> {
  const { kid, key } = await signingKey(db);
  const contentItems = items.map((item) => ({
    type: "ltiResourceLink",
    title: item.title,
    url: launchUrl,
    custom: { descent_item: item.item },
    ...(item.scoreMaximum ? { lineItem: { scoreMaximum: item.scoreMaximum, label: item.title, resourceId: item.item, tag: "descent" } } : {}),
  }));
  return new SignJWT({
    nonce: randomUUID(),
    [CLAIMS.deploymentId]: request.deploymentId,
    [CLAIMS.messageType]: MESSAGE_TYPES.deepLinkingResponse,
    [CLAIMS.version]: "1.3.0",
    [CLAIMS.deepLinkingContentItems]: contentItems,
    ...(request.data !== undefined ? { [CLAIMS.deepLinkingData]: request.data } : {}),
    [CLAIMS.deepLinkingMessage]: `Added ${items.length} Descent ${items.length === 1 ? "item" : "items"}.`,
  })
    .setProtectedHeader({ alg: "RS256", kid, typ: "JWT" })
    .setIssuer(platform.clientId)
    .setAudience(platform.issuer)
    .setIssuedAt()
    .setExpirationTime("5m")
    .sign(key);
}
