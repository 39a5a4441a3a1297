import "server-only";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { nextCookies } from "better-auth/next-js";
import { claimAnonymousWork } from "@/lib/db/accounts";
import { db } from "@/lib/db/client";
import { databaseTarget } from "@/lib/db/config";
import { env } from "@/lib/env";
import { CLIENT_ADDRESS_HEADER } from "@/lib/http-server/client-address";
import { LEARNER_COOKIE, learnerFromCookieHeader } from "./learner-cookie";
import { metrics } from "@/lib/metrics/metrics";
import { FailureBackoff } from "./failure-backoff";
import { ltiSignIn } from "./lti-sign-in";
import { derivedKey } from "./secret";
import { trustedOrigins } from "./trusted-origins";

export const ROLES = ["student", "instructor"] as const;
export type Role = (typeof ROLES)[number];

/**
 * Accounts (better-auth): email and password, sessions in the database,
 * passwords hashed with its default (scrypt). Session cookies are httpOnly,
 * SameSite=Lax, and Secure when the site is served over https. Its own
 * endpoints check the Origin of every state-changing request (CSRF).
 */
/** What a sign-up may say about the new account: nothing about its role, id or verification. */
const SIGN_UP_FIELDS = new Set(["email", "password", "name", "image", "callbackURL", "rememberMe"]);

/** Failed sign-ins per account, whatever the address (better-auth's own limit, above, is per address). */
const failedSignIns = new FailureBackoff(db);

const accountOf = (body: unknown) => String((body as { email?: unknown } | undefined)?.email ?? "").trim().toLowerCase();

async function refuseWhileBackingOff(account: string): Promise<void> {
  const waitMs = await failedSignIns.waitMs(account);
  if (waitMs === 0) return;
  metrics().refusals.inc({ limit: "sign-in-per-account" });
  const seconds = Math.ceil(waitMs / 1000);
  throw new APIError(
    "TOO_MANY_REQUESTS",
    { message: `Too many failed sign-ins for this account. Wait ${seconds} second${seconds === 1 ? "" : "s"} before trying again.` },
    { "Retry-After": String(seconds) },
  );
}

export const auth = betterAuth({
  database: prismaAdapter(db(), { provider: databaseTarget().provider }),
  // Its own key, not the learner cookie's (lib/auth/secret.ts).
  secret: derivedKey("accounts").toString("hex"),
  // Unset in development: the origin is then taken from each request.
  baseURL: env().BETTER_AUTH_URL,
  // Without it, the origin this request was sent to (localhost, 127.0.0.1, a LAN address), not only the server's
  // own hostname: see lib/auth/trusted-origins.ts.
  trustedOrigins: (request) => trustedOrigins(env().BETTER_AUTH_URL, request),
  emailAndPassword: { enabled: true, minPasswordLength: 8, maxPasswordLength: 128, autoSignIn: true },
  user: {
    additionalFields: {
      // input: false — a sign-up request cannot choose its role; only `npm run user:create` makes instructors.
      role: { type: "string", defaultValue: "student", input: false },
    },
  },
  rateLimit: {
    enabled: true,
    // In the database, so that every web server counts the same sign-ins (model RateLimit).
    storage: "database",
    window: 60,
    max: 100,
    customRules: {
      "/sign-in/email": { window: 60, max: 10 },
      "/sign-up/email": { window: 3600, max: 20 },
    },
  },
  hooks: {
    // better-auth quietly replaces a `role` sent at sign-up by the default; refuse the request outright instead.
    before: createAuthMiddleware(async (ctx) => {
      if (ctx.path === "/sign-in/email") await refuseWhileBackingOff(accountOf(ctx.body));
      if (ctx.path !== "/sign-up/email") return;
      const extra = Object.keys((ctx.body as object | undefined) ?? {}).filter((key) => !SIGN_UP_FIELDS.has(key));
      if (extra.length > 0) {
        throw new APIError("BAD_REQUEST", { message: `Sign-up does not accept ${extra.join(", ")}: every account starts as a student.` });
      }
    }),
    after: createAuthMiddleware(async (ctx) => {
      if (ctx.path === "/sign-in/email") {
        const account = accountOf(ctx.body);
        if (ctx.context.returned instanceof APIError) await failedSignIns.failed(account);
        else await failedSignIns.succeeded(account);
      }
      // Signing out on a shared computer: the next visitor starts as a new anonymous learner, not as the account's.
      if (ctx.path === "/sign-out") ctx.setCookie(LEARNER_COOKIE, "", { path: "/", maxAge: 0, httpOnly: true, sameSite: "lax" });
    }),
  },
  databaseHooks: {
    session: {
      create: {
        // Signing up or in: what this browser did anonymously becomes the account's.
        after: async (session, context) => claimAnonymousWork(db(), session.userId, learnerFromCookieHeader(context?.headers?.get("cookie"))),
      },
    },
  },
  advanced: {
    // Secure cookies only over https: the public URL's scheme says so when set; without one, the account route marks
    // them Secure per request (lib/auth/secure-cookies.ts), so a plain-http LAN server can still sign people in.
    useSecureCookies: env().BETTER_AUTH_URL?.startsWith("https:") ?? false,
    ipAddress: {
      // Rate limits are kept per client address: the one server.ts decided from the socket (and from X-Forwarded-For
      // only through DESCENT_TRUSTED_PROXIES), never a header the client wrote.
      ipAddressHeaders: [CLIENT_ADDRESS_HEADER],
    },
  },
  telemetry: { enabled: false },
  plugins: [nextCookies(), ltiSignIn],
});

export type Session = typeof auth.$Infer.Session;
