import "server-only";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";

let secret: Buffer | undefined;

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
