import "server-only";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { adoptAnonymousLearner } from "@/lib/db/accounts";
import { db } from "@/lib/db/client";
import { learnerFromCookieHeader } from "./learner-cookie";
import { signingSecret } from "./secret";

export const ROLES = ["student", "instructor"] as const;
export type Role = (typeof ROLES)[number];

/**
 * Accounts (better-auth): email and password, sessions in the database,
 * passwords hashed with its default (scrypt). Session cookies are httpOnly,
 * SameSite=Lax, and Secure when the site is served over https. Its own
 * endpoints check the Origin of every state-changing request (CSRF).
 */
export const auth = betterAuth({
  database: prismaAdapter(db(), { provider: "sqlite" }),
  secret: signingSecret().toString(),
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
  databaseHooks: {
    user: {
      create: {
        // The visitor who signs up keeps what they did anonymously.
        after: async (user, context) => adoptAnonymousLearner(db(), user.id, learnerFromCookieHeader(context?.headers?.get("cookie"))),
      },
    },
  },
  telemetry: { enabled: false },
  plugins: [nextCookies()],
});

export type Session = typeof auth.$Infer.Session;
