/**
 * Every environment variable Descent reads, parsed and checked once, here.
 * A bad value stops the server at start (next.config.ts parses them) with a
 * message that names the variable and says what it should be; nothing else
 * reads process.env for Descent's own settings.
 *
 * Not marked server-only: the grader and predictor processes bundle it too.
 */
import { isIP } from "node:net";
import { z } from "zod";
import { sameSite, type KernelSettings } from "./kernel-placement";

const DEFAULT_DATABASE_URL = "file:./data/descent.db";

const wholeNumber = (min: number, max: number) =>
  z.coerce.number({ error: `must be a whole number from ${min} to ${max}` }).int(`must be a whole number from ${min} to ${max}`).min(min, `must be at least ${min}`).max(max, `must be at most ${max}`);

/** One address or CIDR block: 10.0.0.1, 10.0.0.0/8, ::1, fd00::/8. */
function isAddressOrBlock(entry: string): boolean {
  const [address = "", prefix, ...rest] = entry.split("/");
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
}

export const DatabaseUrl = z
  .string()
  .regex(/^(file:.+|postgres(ql)?:\/\/.+)/, "must be a SQLite file URL such as file:./data/descent.db, or a PostgreSQL URL such as postgres://descent@db.school.example/descent")
  .default(DEFAULT_DATABASE_URL);

const EnvSchema = z.object({
  /** The port `npm run dev` and `npm start` listen on. */
  PORT: wholeNumber(1, 65535).default(3000),
  /** The address they listen on (default: every interface, so a classroom can reach it by the machine's address). */
  DESCENT_HOST: z.string().min(1).optional(),
  /** Where progress is kept: a SQLite file (one machine), or PostgreSQL (several machines; grading then goes through its job queue). */
  DATABASE_URL: z.preprocess((value) => value || undefined, DatabaseUrl),
  /** Signs the learner cookie and sessions; without it one is generated into data/secret. */
  DESCENT_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  /** The site's public URL, for better-auth's Origin checks. */
  BETTER_AUTH_URL: z.url("must be the site's public URL, e.g. https://descent.school.example").optional(),
  /** Reverse proxies whose X-Forwarded-For is believed: addresses or CIDR blocks, comma-separated. */
  DESCENT_TRUSTED_PROXIES: z
    .string()
    .default("")
    .transform((text) => text.split(",").map((entry) => entry.trim()).filter(Boolean))
    .refine((entries) => entries.every(isAddressOrBlock), "must be IP addresses or CIDR blocks, comma-separated, e.g. 10.0.0.0/8,192.168.1.5"),
  /** A bearer token for GET /api/metrics from other machines (without it, metrics are served to this machine only). */
  DESCENT_METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  /** Grader processes (default: one per core). */
  DESCENT_GRADERS: wholeNumber(1, 64).optional(),
  /** Submissions that may wait for a grader; more are answered 503 with Retry-After. */
  DESCENT_GRADING_QUEUE: wholeNumber(2, 100_000).default(200),
  /** Memory of each submission's isolate, in MiB. */
  DESCENT_SANDBOX_MEMORY_MB: wholeNumber(32, 4096).default(128),
  DESCENT_GRADER_HEAP_MB: wholeNumber(64, 8192).default(256),
  /**
   * Sized for the smallest server a class runs on, 2 cores and 4 GB: two graders
   * (a 128 MiB isolate, its tensors and Node itself stay near 350 MiB) at 512,
   * one predictor at 768, and the web server, leave a gigabyte to spare.
   */
  DESCENT_GRADER_RSS_MB: wholeNumber(128, 16384).default(512),
  /** Predictor processes for served models (default: half the cores). */
  DESCENT_PREDICTORS: wholeNumber(1, 64).optional(),
  DESCENT_PREDICTOR_RSS_MB: wholeNumber(256, 16384).default(768),
  /** The notebook kernel's own origin in production: another registrable domain than the site's (lib/kernel-placement.ts). */
  DESCENT_KERNEL_ORIGIN: z
    .url("must be an origin such as https://descent-kernel.example")
    .refine((url) => new URL(url).href === `${new URL(url).origin}/` && /^https?:/.test(url), "must be an origin such as https://descent-kernel.example, with no path")
    .optional(),
  /** The port the kernel listener serves the kernel on (default: PORT + 1). */
  DESCENT_KERNEL_PORT: wholeNumber(1, 65535).optional(),
}).superRefine((settings, context) => {
  if (!settings.DESCENT_KERNEL_ORIGIN) return;
  // The kernel's frame may only be framed by the site, which it knows by its public URL.
  if (!settings.BETTER_AUTH_URL) {
    context.addIssue({ code: "custom", path: ["DESCENT_KERNEL_ORIGIN"], message: "needs BETTER_AUTH_URL, the site's public URL, set too" });
  } else if (sameSite(settings.DESCENT_KERNEL_ORIGIN, settings.BETTER_AUTH_URL)) {
    context.addIssue({
      code: "custom",
      path: ["DESCENT_KERNEL_ORIGIN"],
      message: `must be on another registrable domain than BETTER_AUTH_URL (${new URL(settings.BETTER_AUTH_URL).hostname}): a subdomain of the site receives the site's cookies`,
    });
  }
});

export type Env = z.infer<typeof EnvSchema>;

export class EnvError extends Error {
  override name = "EnvError";
}

/** Parses `source` (process.env, or a test's own); throws an EnvError naming each bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = EnvSchema.safeParse(source);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => {
    const name = String(issue.path[0]);
    return `${name}=${JSON.stringify(source[name] ?? "")} ${issue.message}`;
  });
  throw new EnvError(`Invalid environment variable${lines.length > 1 ? "s" : ""}:\n  ${lines.join("\n  ")}\n(See the README's settings.)`);
}

/** The kernel's placement settings: its configured origin, and the port of server.ts's kernel listener. */
export function kernelSettings(settings: Env): KernelSettings {
  return { configuredOrigin: settings.DESCENT_KERNEL_ORIGIN, kernelPort: settings.DESCENT_KERNEL_PORT ?? settings.PORT + 1 };
}

let cached: Env | undefined;

/** This process's settings, parsed on first use. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
