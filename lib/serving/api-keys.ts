import "server-only";
import { createHash, randomBytes } from "node:crypto";

/**
 * API keys for served models: 192 random bits after a recognisable "dsk_"
 * (so a key pasted into a repository is easy to spot). Only the SHA-256 of a
 * key is stored; a slow password hash is unnecessary for a random key that
 * cannot be guessed from a dictionary.
 */
export function newApiKey(): { key: string; prefix: string; hash: string } {
  const key = `dsk_${randomBytes(24).toString("base64url")}`;
  return { key, prefix: key.slice(0, 10), hash: hashApiKey(key) };
}

export const hashApiKey = (key: string) => createHash("sha256").update(key).digest("hex");

/** The key in `Authorization: Bearer <key>`, or undefined. */
export function bearerKey(request: Request): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get("authorization") ?? "");
  return match?.[1];
}
