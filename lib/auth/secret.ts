import "server-only";
import { hkdfSync, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";

let secret: Buffer | undefined;

/**
 * What a key is for. Each purpose gets its own key, derived from the one
 * secret with HKDF, so a key learned or misused in one place (a signed
 * learner cookie, better-auth's session cookies) says nothing about the other.
 */
export type KeyPurpose = "learner-cookie" | "accounts" | "lti-keys" | "lti-registration";

const keys = new Map<KeyPurpose, Buffer>();

/** The key for `purpose`: HKDF-SHA256 of the secret, with the purpose as its info. */
export function derivedKey(purpose: KeyPurpose): Buffer {
  let key = keys.get(purpose);
  if (!key) {
    key = Buffer.from(hkdfSync("sha256", signingSecret(), "descent", `descent ${purpose} v1`, 32));
    keys.set(purpose, key);
  }
  return key;
}

/** DESCENT_SECRET in production; otherwise one generated on first use and kept in data/, so restarts keep sessions. */
export function signingSecret(): Buffer {
  if (secret) return secret;
  const fromEnv = env().DESCENT_SECRET;
  if (fromEnv) {
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
