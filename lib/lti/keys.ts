import "server-only";
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from "jose";
import { derivedKey } from "@/lib/auth/secret";
import type { Db } from "@/lib/db/client";

/**
 * Descent's RS256 keys, which platforms read from our JWKS to check what we
 * sign (client assertions, deep-linking responses). Made on first need and
 * rotated by the tool itself: a key signs for ROTATE_AFTER, its successor is
 * published a day before it signs (platforms cache JWKS), and a retired key
 * stays published for a week, so nothing signed in flight fails. Private
 * keys are stored encrypted with a key derived from DESCENT_SECRET.
 */
const DAY = 24 * 3600_000;
export const ROTATE_AFTER = 90 * DAY;
const PUBLISH_BEFORE_USE = DAY;
const PUBLISH_AFTER_RETIRE = 7 * DAY;

type StoredKey = { kid: string; publicJwk: string; privateJwk: string; createdAt: Date };

function encrypt(text: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", derivedKey("lti-keys"), iv);
  const body = Buffer.concat([cipher.update(text, "utf8"), cipher.final()]);
  return [iv, cipher.getAuthTag(), body].map((part) => part.toString("base64url")).join(".");
}

function decrypt(sealed: string): string {
  const [iv, tag, body] = sealed.split(".").map((part) => Buffer.from(part, "base64url"));
  const decipher = createDecipheriv("aes-256-gcm", derivedKey("lti-keys"), iv!);
  decipher.setAuthTag(tag!);
  return Buffer.concat([decipher.update(body!), decipher.final()]).toString("utf8");
}

async function createKey(db: Db, now: Date): Promise<StoredKey> {
  const { publicKey, privateKey } = await generateKeyPair("RS256", { modulusLength: 2048, extractable: true });
  const publicJwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(publicJwk);
  const row = { kid, publicJwk: JSON.stringify({ ...publicJwk, kid, alg: "RS256", use: "sig" }), privateJwk: encrypt(JSON.stringify(await exportJWK(privateKey))), createdAt: now };
  await db.ltiKey.create({ data: row });
  return row;
}

/** The keys newest first, with a new one made when there is none or the newest is due to be replaced. */
async function currentKeys(db: Db, now: Date): Promise<StoredKey[]> {
  const keys = await db.ltiKey.findMany({ orderBy: { createdAt: "desc" } });
  const newest = keys[0];
  if (!newest || now.getTime() - newest.createdAt.getTime() > ROTATE_AFTER - PUBLISH_BEFORE_USE) return [await createKey(db, now), ...keys];
  return keys;
}

/** The key that signs now: the newest one already published for a day (or the only one, on a new install). */
function signingKeyOf(keys: readonly StoredKey[], now: Date): StoredKey {
  return keys.find((key) => now.getTime() - key.createdAt.getTime() >= PUBLISH_BEFORE_USE) ?? keys.at(-1)!;
}

export async function signingKey(db: Db, now = new Date()): Promise<{ kid: string; key: CryptoKey }> {
  const stored = signingKeyOf(await currentKeys(db, now), now);
  const key = (await importJWK(JSON.parse(decrypt(stored.privateJwk)) as JWK, "RS256")) as CryptoKey;
  return { kid: stored.kid, key };
}

/** What GET /api/lti/jwks publishes: every key that signs, will sign, or signed within the last week. */
export async function publicJwks(db: Db, now = new Date()): Promise<{ keys: JWK[] }> {
  const keys = await currentKeys(db, now);
  const signing = signingKeyOf(keys, now);
  const published = keys.filter((key, index) => {
    if (key.createdAt >= signing.createdAt) return true;
    const successor = keys[index - 1]!;
    // A retired key stays while what it signed may still be checked.
    return now.getTime() - (successor.createdAt.getTime() + PUBLISH_BEFORE_USE) < PUBLISH_AFTER_RETIRE;
  });
  return { keys: published.map((key) => JSON.parse(key.publicJwk) as JWK) };
}
