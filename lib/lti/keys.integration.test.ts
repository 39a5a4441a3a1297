/** Descent's LTI keys on a real database: made on first need, rotated by the tool, private halves sealed. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { testDatabase } from "@/test/databases";
import { publicJwks, ROTATE_AFTER, signingKey } from "./keys";

const database = testDatabase("lti-keys");
process.env.DESCENT_SECRET = "a test secret that is long enough to sign cookies";
let db: Db;
const DAY = 24 * 3600_000;
const start = new Date("2027-01-01T00:00:00Z");
const at = (days: number) => new Date(start.getTime() + days * DAY);

beforeAll(async () => {
  await database.migrate();
  db = createDb(database.url);
});

afterAll(async () => {
  await db.$disconnect();
  await database.remove();
});

describe("LTI keys", () => {
  it("are made on first need, published without their private half, and stored sealed", async () => {
    const first = await signingKey(db, start);
    const jwks = await publicJwks(db, start);
    expect(jwks.keys.map((k) => k.kid)).toEqual([first.kid]);
    expect(Object.keys(jwks.keys[0]!).sort()).toEqual(["alg", "e", "kid", "kty", "n", "use"]);
    const stored = await db.ltiKey.findUniqueOrThrow({ where: { kid: first.kid } });
    expect(stored.privateJwk).not.toContain('"d"');
  });

  it("rotate: the successor is published a day before it signs, and the old key stays published a week after", async () => {
    const old = (await signingKey(db, start)).kid;
    const dueDay = ROTATE_AFTER / DAY;
    // A day before the old key's time is up, a successor appears in the JWKS but does not sign yet.
    const announced = await publicJwks(db, at(dueDay - 0.5));
    expect(announced.keys).toHaveLength(2);
    expect((await signingKey(db, at(dueDay - 0.5))).kid).toBe(old);
    // A day later it signs; the old key is still published for what it signed.
    const next = (await signingKey(db, at(dueDay + 0.6))).kid;
    expect(next).not.toBe(old);
    expect((await publicJwks(db, at(dueDay + 3))).keys.map((k) => k.kid)).toContain(old);
    // A week after it stopped signing, it is gone.
    expect((await publicJwks(db, at(dueDay + 9))).keys.map((k) => k.kid)).toEqual([next]);
  });
});
