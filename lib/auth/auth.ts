import "server-only";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { nextCookies } from "better-auth/next-js";
import { claimAnonymousWork } from "@/lib/db/accounts";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { LEARNER_COOKIE, learnerFromCookieHeader } from "./learner-cookie";
import { signingSecret } from "./secret";

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

export const auth = betterAuth({
  database: prismaAdapter(db(), { provider: "sqlite" }),
  secret: signingSecret().toString(),
  // Unset in development: the origin is then taken from each request.
  baseURL: env().BETTER_AUTH_URL,
  emailAndPassword: { enabled: true, minPasswordLength: 8, maxPasswordLength: 128, autoSignIn: true },
  user: {
    additionalFields: {
      // input: false — a sign-up request cannot choose its role; only `npm run user:create` makes instructors.
      role: { type: "string", defaultValue: "student", input: false },
    },
  },
  rateLimit: {
    enabled: true,
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
      if (ctx.path !== "/sign-up/email") return;
      const extra = Object.keys((ctx.body as object | undefined) ?? {}).filter((key) => !SIGN_UP_FIELDS.has(key));
      if (extra.length > 0) {
        throw new APIError("BAD_REQUEST", { message: `Sign-up does not accept ${extra.join(", ")}: every account starts as a student.` });
      }
    }),
    // Signing out on a shared computer: the next visitor starts as a new anonymous learner, not as the account's.
    after: createAuthMiddleware(async (ctx) => {
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
    ipAddress: {
      // Rate limits are kept per client address, read from X-Forwarded-For (Next.js fills it in from the socket).
      // Behind a reverse proxy, list the proxy's addresses (CIDR, comma-separated) so the client's own address is used,
      // not one bucket shared by the whole school.
      trustedProxies: env().DESCENT_TRUSTED_PROXIES,
    },
  },
  telemetry: { enabled: false },
  plugins: [nextCookies()],
});

export type Session = typeof auth.$Infer.Session;
