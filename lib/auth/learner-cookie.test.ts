import { createHmac } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";

const SECRET = "a-test-secret-that-is-at-least-32-characters-long";
let cookie: typeof import("./learner-cookie");
let secret: typeof import("./secret");

beforeAll(async () => {
  vi.stubEnv("DESCENT_SECRET", SECRET);
  cookie = await import("./learner-cookie");
  secret = await import("./secret");
});

describe("the learner cookie", () => {
  it("is signed with its own key, derived from the secret, not with the secret or the accounts' key", () => {
    const learnerKey = secret.derivedKey("learner-cookie");
    expect(learnerKey.equals(secret.derivedKey("accounts"))).toBe(false);
    expect(learnerKey.equals(Buffer.from(SECRET))).toBe(false);
    const value = cookie.signLearnerId("learner-1");
    expect(value).toBe(`learner-1.${createHmac("sha256", learnerKey).update("learner-1").digest("base64url")}`);
    expect(cookie.verifyLearnerCookie(value)).toEqual({ id: "learner-1", current: true });
  });

  it("still honours a cookie signed with the secret itself, as before the keys were split, and marks it for re-signing", () => {
    const legacy = `learner-2.${createHmac("sha256", SECRET).update("learner-2").digest("base64url")}`;
    expect(cookie.verifyLearnerCookie(legacy)).toEqual({ id: "learner-2", current: false });
  });

  it("refuses a forged or altered cookie", () => {
    const value = cookie.signLearnerId("learner-3");
    expect(cookie.verifyLearnerCookie(value.replace("learner-3", "learner-4"))).toBeUndefined();
    const withAccountsKey = `learner-3.${createHmac("sha256", secret.derivedKey("accounts")).update("learner-3").digest("base64url")}`;
    expect(cookie.verifyLearnerCookie(withAccountsKey)).toBeUndefined();
    expect(cookie.verifyLearnerCookie("learner-3")).toBeUndefined();
    expect(cookie.verifyLearnerCookie(".sig")).toBeUndefined();
  });

  it("is read from a Cookie header among others", () => {
    const header = `other=1; ${cookie.LEARNER_COOKIE}=${encodeURIComponent(cookie.signLearnerId("learner-5"))}; more=2`;
    expect(cookie.learnerFromCookieHeader(header)).toBe("learner-5");
  });
});
