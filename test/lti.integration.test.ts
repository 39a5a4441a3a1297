/**
 * LTI 1.3 against a real exchange: the in-suite LMS (test/lti-platform.ts)
 * signs real id_tokens with its own keys and serves its JWKS, token, AGS and
 * NRPS endpoints over HTTP; Descent's own route handlers answer on a real
 * database, and serve their JWKS to the LMS over HTTP too. Every refusal is
 * checked for its message.
 */
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabase } from "@/test/databases";
import { REGISTRATION_TOKEN, ROLES, startTestPlatform, type LaunchSpec, type PlatformUser, type TestPlatform } from "@/test/lti-platform";
import { workerWhenQueued } from "@/test/workers";
import { Browser, closeApp, ORIGIN } from "./app-routes";

const database = testDatabase("lti");
process.env.DATABASE_URL = database.url;
process.env.DESCENT_SECRET = "a test secret that is long enough to sign cookies";
process.env.BETTER_AUTH_URL = ORIGIN;

const LAUNCH_URL = `${ORIGIN}/api/lti/launch`;
const teacher: PlatformUser = { sub: "lms-teacher-1", name: "Tess Teacher", email: "tess@school.example", roles: [ROLES.instructor] };
const student: PlatformUser = { sub: "lms-student-1", name: "Sam Student", email: "sam@school.example", roles: [ROLES.learner] };
const notYet: PlatformUser = { sub: "lms-student-2", name: "Nia Notyet", email: "nia@school.example", roles: [ROLES.learner] };
const SOLUTION = readFileSync("content/loss-functions/exercises/losses/solution.ts", "utf8");

let platform: TestPlatform;
let jwksServer: Server;

const db = async () => (await import("@/lib/db/client")).db();

workerWhenQueued(database);

beforeAll(async () => {
  await database.migrate();
  platform = await startTestPlatform();
  platform.members.push(teacher, student, notYet);
  // The LMS reads Descent's JWKS over HTTP, from Descent's own route handler.
  const { GET } = await import("@/app/api/lti/jwks/route");
  jwksServer = createServer(async (_request, response) => {
    const answer = await GET();
    response.writeHead(answer.status, { "content-type": "application/json" }).end(await answer.text());
  }).listen(0, "127.0.0.1");
  await new Promise((resolve) => jwksServer.once("listening", resolve));
  platform.setTool({ jwksUri: `http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}/`, redirectUris: [LAUNCH_URL], loginUrl: `${ORIGIN}/api/lti/login` });
  const { savePlatform } = await import("@/lib/lti/platforms");
  await savePlatform(await db(), {
    name: "Test LMS",
    issuer: platform.issuer,
    clientId: platform.clientId,
    deploymentIds: [platform.deploymentId],
    authorizationEndpoint: platform.authorizationEndpoint,
    tokenEndpoint: platform.tokenEndpoint,
    jwksUri: platform.jwksUri,
  });
});

afterAll(async () => {
  await platform.close();
  jwksServer.close();
  await closeApp(database);
});

/** The browser's part of a login: Descent's login answer, then the LMS's authorization answer (its auto-posted form, as JSON). */
async function login(browser: Browser, spec: LaunchSpec): Promise<{ id_token: string; state: string; nonce: string }> {
  const started = await browser.fetch("GET", platform.loginUrl(spec).replace(`${ORIGIN}`, ""));
  expect(started.status, started.text).toBe(302);
  const authorization = new URL(started.headers.get("location")!);
  const answer = await fetch(authorization, { headers: { accept: "application/json" } });
  expect(answer.status, await answer.clone().text()).toBe(200);
  const { fields } = (await answer.json()) as { fields: { id_token: string; state: string } };
  return { ...fields, nonce: authorization.searchParams.get("nonce")! };
}

async function launch(browser: Browser, spec: LaunchSpec) {
  const { id_token, state } = await login(browser, spec);
  return browser.fetch("POST", "/api/lti/launch", new URLSearchParams({ id_token, state }).toString(), { "content-type": "application/x-www-form-urlencoded" });
}

const ticketIn = (html: string) => /ticket(?:=|" value=")([\w-]+)/.exec(html)?.[1];

describe("a launch", () => {
  it("as an instructor makes the LMS course a class they teach, and brings in its roster", async () => {
    const browser = new Browser();
    const response = await launch(browser, { user: teacher, targetLinkUri: LAUNCH_URL });
    expect(response.status, response.text).toBe(200);
    expect(response.text).toContain("Open in Descent");
    const context = await (await db()).ltiContext.findFirstOrThrow({ include: { class: { include: { members: { include: { user: true } } } } } });
    expect(context.class.name).toBe("Deep Learning 101");
    expect(context.class.members.map((m) => [m.user.name, m.role]).sort()).toEqual([
      ["Nia Notyet", "student"],
      ["Sam Student", "student"],
      ["Tess Teacher", "instructor"],
    ]);
    // Signing in with the ticket: once.
    const ticket = ticketIn(response.text)!;
    const signIn = await browser.fetch("GET", `/api/auth/lti/session?ticket=${ticket}`);
    expect(signIn.status).toBe(302);
    expect(signIn.headers.get("location")).toBe(`/instructor/classes/${context.classId}`);
    const gradebook = await browser.fetch("GET", `/api/instructor/classes/${context.classId}/gradebook`);
    expect(gradebook.status).toBe(200);
    expect(gradebook.text).toMatch(/Nia Notyet,nia@school.example,not started/);
    const again = await browser.fetch("GET", `/api/auth/lti/session?ticket=${ticket}`);
    expect(again.headers.get("location")).toBe("/lti/expired");
  });

  it("signs in at once only the browser it reached; another is asked first, and only this site's own form can say yes", async () => {
    const response = await launch(new Browser(), { user: student, targetLinkUri: LAUNCH_URL });
    const ticket = ticketIn(response.text)!;
    // A classmate sent the link: no binding cookie, so no session, and the ticket is still unused.
    const classmate = new Browser();
    const sent = await classmate.fetch("GET", `/api/auth/lti/session?ticket=${ticket}`);
    expect(sent.status).toBe(302);
    expect(sent.headers.get("location")).toBe(`/lti/continue?ticket=${ticket}`);
    expect(sent.headers.getSetCookie().join()).not.toMatch(/session_token/);
    const { pendingSignIn } = await import("@/lib/db/lti-launches");
    // What /lti/continue shows: whose account, from which LMS.
    expect(await pendingSignIn(await db(), ticket)).toEqual({ name: student.name, email: student.email, lms: "Test LMS" });
    // Another site's form cannot say yes for them.
    const forged = await classmate.fetch("POST", "/lti/continue/confirm", new URLSearchParams({ ticket }).toString(), {
      "content-type": "application/x-www-form-urlencoded",
      origin: "https://attacker.example",
    });
    expect(forged.status).toBe(403);
    expect(forged.headers.getSetCookie()).toEqual([]);
    const garbage = await classmate.fetch("POST", "/lti/continue/confirm", "ticket=%00%3Cscript%3E", { "content-type": "application/x-www-form-urlencoded" });
    expect(garbage.status).toBe(400);
    expect(garbage.json()).toMatchObject({ error: expect.stringMatching(/ticket/) });
    // The page's own button: bound, then signed in, once.
    const confirmed = await classmate.fetch("POST", "/lti/continue/confirm", new URLSearchParams({ ticket }).toString(), { "content-type": "application/x-www-form-urlencoded" });
    expect(confirmed.status).toBe(303);
    expect(confirmed.headers.get("location")).toBe(`/api/auth/lti/session?ticket=${ticket}`);
    const signIn = await classmate.fetch("GET", `/api/auth/lti/session?ticket=${ticket}`);
    expect(signIn.headers.get("location")).toBe("/");
    expect(signIn.headers.getSetCookie().join()).toMatch(/session_token/);
    expect(await pendingSignIn(await db(), ticket)).toBeUndefined();
  });

  it("links accounts by the LMS's user id, never by email", async () => {
    const impostor: PlatformUser = { sub: "someone-else", name: "Impostor", email: teacher.email, roles: [ROLES.learner] };
    platform.members.push(impostor);
    expect((await launch(new Browser(), { user: impostor, targetLinkUri: LAUNCH_URL })).status).toBe(200);
    const links = await (await db()).ltiUserLink.findMany({ where: { sub: { in: [teacher.sub, impostor.sub] } }, include: { user: true } });
    expect(new Set(links.map((l) => l.userId)).size).toBe(2);
    expect(links.find((l) => l.sub === impostor.sub)!.user.email).toMatch(/@lms\.invalid$/);
  });

  it("is refused when this browser did not start it", async () => {
    const { id_token, state } = await login(new Browser(), { user: student, targetLinkUri: LAUNCH_URL });
    const other = await new Browser().fetch("POST", "/api/lti/launch", new URLSearchParams({ id_token, state }).toString(), { "content-type": "application/x-www-form-urlencoded" });
    expect(other.status).toBe(401);
    expect(other.json()).toEqual({ error: expect.stringContaining("this browser did not start the launch") });
  });
});

describe("a launch without cookies (the LMS's platform storage)", () => {
  it("keeps the state in the LMS's frame at login, and shows nothing until the LMS gives it back", async () => {
    const spec = { user: student, targetLinkUri: LAUNCH_URL, storageTarget: "_parent" };
    const started = await new Browser().fetch("GET", platform.loginUrl(spec).replace(ORIGIN, ""));
    expect(started.status).toBe(200);
    expect(started.text).toContain('ltiStorage("lti.put_data"');
    expect(started.text).toContain(JSON.stringify(platform.issuer));
    const authorization = new URL(JSON.parse(/location\.replace\(("[^"]+")\)/.exec(started.text)![1]!) as string);
    const { fields } = (await (await fetch(authorization, { headers: { accept: "application/json" } })).json()) as { fields: Record<string, string> };
    expect(fields.lti_storage_target).toBe("_parent");
    // A browser with no cookies at all: the launch page checks the state with the LMS before it shows the way in.
    const launched = await new Browser().fetch("POST", "/api/lti/launch", new URLSearchParams(fields).toString(), { "content-type": "application/x-www-form-urlencoded" });
    expect(launched.status, launched.text).toBe(200);
    expect(launched.text).toContain('<div id="checked" hidden>');
    expect(launched.text).toContain(`ltiStorage("lti.get_data", { key: ${JSON.stringify(`state_${fields.state}`)} })`);
  });
});

describe("a launch is refused, with a message, for", () => {
  async function tampered(overrides: Parameters<TestPlatform["idTokenFor"]>[2], message: string) {
    const browser = new Browser();
    const spec = { user: student, targetLinkUri: LAUNCH_URL };
    const { state, nonce } = await login(browser, spec);
    const idToken = await platform.idTokenFor(spec, nonce, overrides);
    const response = await browser.fetch("POST", "/api/lti/launch", new URLSearchParams({ id_token: idToken, state }).toString(), { "content-type": "application/x-www-form-urlencoded" });
    expect(response.status).toBe(400);
    expect(response.json()).toEqual({ error: expect.stringContaining(message) });
  }

  it("a token signed with another key", () => tampered({ signWithForeignKey: true }, "signature does not verify"));
  it("a wrong audience", () => tampered({ claims: { aud: "another-tool" } }, "not meant for this tool"));
  it("an expired token", () => tampered({ expiresInSeconds: -120 }, "has expired"));
  it("a token issued long ago", () => tampered({ issuedAtOffsetSeconds: -3600 }, "issued too long ago"));
  it("another issuer", () => tampered({ claims: { iss: "https://evil.example" } }, "issuer is not the registered LMS"));
  it("a nonce this login did not send", () => tampered({ claims: { nonce: "forged" } }, "nonce is not the one this login sent"));
  it("an unknown deployment", () => tampered({ claims: { "https://purl.imsglobal.org/spec/lti/claim/deployment_id": "deployment-x" } }, "deployment deployment-x is not registered"));

  it("a replayed launch (the same state and nonce again)", async () => {
    const browser = new Browser();
    const { id_token, state } = await login(browser, { user: student, targetLinkUri: LAUNCH_URL });
    const post = () => browser.fetch("POST", "/api/lti/launch", new URLSearchParams({ id_token, state }).toString(), { "content-type": "application/x-www-form-urlencoded" });
    expect((await post()).status).toBe(200);
    const replay = await post();
    expect(replay.status).toBe(400);
    expect(replay.json()).toEqual({ error: expect.stringContaining("already used (a replayed request)") });
  });

  it("an LMS that is not registered", async () => {
    const response = await new Browser().fetch("GET", `/api/lti/login?iss=${encodeURIComponent("https://unknown.example")}&login_hint=x&target_link_uri=${encodeURIComponent(LAUNCH_URL)}`);
    expect(response.status).toBe(400);
    expect(response.json()).toEqual({ error: expect.stringContaining("no LMS is registered with issuer https://unknown.example") });
    // In the LMS's frame, a person reads it: a page, with the same status and message.
    const inBrowser = await new Browser().fetch("GET", `/api/lti/login?iss=${encodeURIComponent("https://unknown.example")}&login_hint=x&target_link_uri=x`, undefined, { accept: "text/html" });
    expect(inBrowser.status).toBe(400);
    expect(inBrowser.headers.get("content-type")).toContain("text/html");
    expect(inBrowser.text).toContain("no LMS is registered with issuer https://unknown.example");
  });
});

describe("deep linking, grades and the roster", () => {
  let lineItemUrl: string;

  it("an instructor picks an exercise; the LMS gets a resource link and a grade column for it", async () => {
    const response = await launch(new Browser(), { user: teacher, targetLinkUri: LAUNCH_URL, messageType: "LtiDeepLinkingRequest" });
    expect(response.status, response.text).toBe(200);
    expect(response.text).toContain('value="exercise:losses"');
    const picked = await new Browser().fetch("POST", "/api/lti/deep-link", new URLSearchParams({ ticket: ticketIn(response.text)!, item: "exercise:losses" }).toString(), {
      "content-type": "application/x-www-form-urlencoded",
    });
    expect(picked.status, picked.text).toBe(200);
    const jwt = /name="JWT" value="([^"]+)"/.exec(picked.text)![1]!;
    const payload = await platform.acceptDeepLinkingResponse(jwt);
    expect(payload["https://purl.imsglobal.org/spec/lti-dl/claim/content_items"]).toEqual([
      expect.objectContaining({ type: "ltiResourceLink", url: LAUNCH_URL, custom: { descent_item: "exercise:losses" }, lineItem: expect.objectContaining({ resourceId: "exercise:losses", scoreMaximum: 9 }) }),
    ]);
    lineItemUrl = platform.lineItems.find((item) => item.resourceId === "exercise:losses")!.id;
  });

  it("a student cannot deep-link", async () => {
    const response = await launch(new Browser(), { user: student, targetLinkUri: LAUNCH_URL, messageType: "LtiDeepLinkingRequest" });
    expect(response.status).toBe(403);
  });

  it("a student launches the exercise and solves it; the LMS receives the score once, through a failed send and a retried grade", async () => {
    const browser = new Browser();
    const response = await launch(browser, { user: student, targetLinkUri: LAUNCH_URL, custom: { descent_item: "exercise:losses" }, lineItemUrl });
    expect(response.status, response.text).toBe(200);
    const signIn = await browser.fetch("GET", `/api/auth/lti/session?ticket=${ticketIn(response.text)}`);
    expect(signIn.headers.get("location")).toBe("/learn/loss-functions/measuring-error");

    platform.failNextScores(1);
    const submission = { id: "4c1f7a8e-0b6d-4a4e-9f0e-2d3c4b5a6978", exerciseId: "losses", code: SOLUTION };
    const graded = await browser.fetch("POST", "/api/submissions", submission);
    expect(graded.status, graded.text).toBe(200);
    expect(graded.json()).toMatchObject({ submission: { status: "passed", score: 9 } });
    const { deliverDueScores } = await import("@/lib/lti/score-delivery");
    // The background send after grading met the LMS's 503; the row waits to be retried, with why.
    await expect.poll(async () => (await (await db()).ltiScore.findFirst())?.attempts).toBe(1);
    expect(await (await db()).ltiScore.findFirst()).toMatchObject({ status: "pending", lastError: expect.stringContaining("503") });
    expect(platform.scores).toHaveLength(0);
    expect(await deliverDueScores(await db(), new Date(Date.now() + 3600_000))).toBe(1);
    // The same request again (a retried grade) and a second, equal submission change nothing on the LMS.
    expect((await browser.fetch("POST", "/api/submissions", submission)).status).toBe(200);
    expect((await browser.fetch("POST", "/api/submissions", { ...submission, id: "5d2e8b9f-1c7e-4b5f-8a1f-3e4d5c6b7a89" })).status).toBe(200);
    await deliverDueScores(await db(), new Date(Date.now() + 7200_000));
    expect(platform.scores).toHaveLength(1);
    expect(platform.scores[0]).toMatchObject({ lineItemUrl, body: { userId: student.sub, scoreGiven: 9, scoreMaximum: 9, activityProgress: "Completed", gradingProgress: "FullyGraded" } });
    expect(await (await db()).ltiScore.findFirst()).toMatchObject({ status: "sent", sentGiven: 9 });
  });

  it("launches at the same moment of an item the LMS has no grade column for make exactly one", async () => {
    const item = "exercise:conv-output-size";
    const spec = { user: student, targetLinkUri: LAUNCH_URL, custom: { descent_item: item } };
    const responses = await Promise.all(Array.from({ length: 4 }, () => launch(new Browser(), spec)));
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(platform.lineItems.filter((i) => i.resourceId === item)).toHaveLength(1);
    const row = await (await db()).ltiLineItem.findFirstOrThrow({ where: { item } });
    expect(row.url).toBe(platform.lineItems.find((i) => i.resourceId === item)!.id);
    // A later launch finds it, and asks the LMS nothing.
    expect((await launch(new Browser(), spec)).status).toBe(200);
    expect(platform.lineItems.filter((i) => i.resourceId === item)).toHaveLength(1);
  });

  it("a roster sync drops who the LMS no longer lists, and keeps their work", async () => {
    platform.members.splice(platform.members.indexOf(notYet), 1);
    const { syncRoster } = await import("@/lib/lti/roster");
    const { classId } = await (await db()).ltiContext.findFirstOrThrow();
    const result = await syncRoster(await db(), classId);
    expect(result.removed).toBe(1);
    const names = (await (await db()).classMember.findMany({ where: { classId }, include: { user: true } })).map((m) => m.user.name);
    expect(names).not.toContain("Nia Notyet");
    expect(names).toContain("Sam Student");
  });
});

describe("registration", () => {
  it("publishes Descent's key, and registration by hand needs an instructor account", async () => {
    const jwks = await new Browser().fetch("GET", "/api/lti/jwks");
    expect(jwks.json()).toEqual({ keys: [expect.objectContaining({ kty: "RSA", alg: "RS256", use: "sig", kid: expect.any(String) })] });
    expect(jwks.text).not.toMatch(/"d"|"p"|"q"/);
    const refused = await new Browser().fetch("POST", "/api/instructor/lti/platforms", { issuer: "https://lms.example", clientId: "x", authorizationEndpoint: "https://lms.example/a", tokenEndpoint: "https://lms.example/t", jwksUri: "https://lms.example/k" });
    expect(refused.status).toBe(401);
  });

  it("registers Descent with an LMS by Dynamic Registration, from a link Descent made", async () => {
    const { registrationUrl } = await import("@/lib/lti/registration");
    const url = new URL(registrationUrl(ORIGIN));
    url.searchParams.set("openid_configuration", `${platform.issuer}/.well-known/openid-configuration`);
    url.searchParams.set("registration_token", REGISTRATION_TOKEN);
    const response = await new Browser().fetch("GET", `${url.pathname}${url.search}`);
    expect(response.status, response.text).toBe(200);
    expect(response.text).toContain("org.imsglobal.lti.close");
    expect(platform.registrations.at(-1)).toMatchObject({
      initiate_login_uri: `${ORIGIN}/api/lti/login`,
      redirect_uris: [LAUNCH_URL],
      jwks_uri: `${ORIGIN}/api/lti/jwks`,
      scope: expect.stringContaining("https://purl.imsglobal.org/spec/lti-ags/scope/score"),
    });
    const registered = await (await db()).ltiPlatform.findUniqueOrThrow({ where: { issuer_clientId: { issuer: platform.issuer, clientId: platform.clientId } }, include: { deployments: true } });
    expect(registered).toMatchObject({ name: "descent-test", authorizationEndpoint: platform.authorizationEndpoint, jwksUri: platform.jwksUri });
    expect(registered.deployments.map((d) => d.deploymentId)).toEqual([platform.deploymentId]);
  });

  it("by hand adds a new LMS, but never moves a registered one's keys elsewhere", async () => {
    const admin = new Browser();
    expect((await admin.fetch("POST", "/api/auth/sign-up/email", { email: "admin@school.example", password: "correct horse battery", name: "Admin" })).status).toBe(200);
    await (await db()).user.update({ where: { email: "admin@school.example" }, data: { role: "instructor" } });
    const values = { issuer: platform.issuer, clientId: platform.clientId, deploymentIds: ["deployment-2"], authorizationEndpoint: "https://evil.example/auth", tokenEndpoint: "https://evil.example/token", jwksUri: "https://evil.example/jwks" };
    const again = await admin.fetch("POST", "/api/instructor/lti/platforms", values);
    expect(again.status).toBe(200);
    expect(again.json()).toMatchObject({ note: expect.stringContaining("its endpoints are unchanged") });
    const kept = await (await db()).ltiPlatform.findUniqueOrThrow({ where: { issuer_clientId: { issuer: platform.issuer, clientId: platform.clientId } }, include: { deployments: true } });
    expect(kept.jwksUri).toBe(platform.jwksUri);
    expect(kept.deployments.map((d) => d.deploymentId).sort()).toEqual([platform.deploymentId, "deployment-2"]);
    const fresh = await admin.fetch("POST", "/api/instructor/lti/platforms", { ...values, clientId: "another-client", jwksUri: "http://127.0.0.1:9/jwks" });
    expect(fresh.status).toBe(201);
    const refused = await admin.fetch("POST", "/api/instructor/lti/platforms", { ...values, clientId: "third", jwksUri: "http://lms.example/jwks" });
    expect(refused.status).toBe(400);
    expect(refused.json()).toEqual({ error: expect.stringContaining("jwksUri: must use https") });
  });

  it("refuses an expired registration link", async () => {
    const { registrationUrl } = await import("@/lib/lti/registration");
    const url = new URL(registrationUrl(ORIGIN, Date.now() - 8 * 24 * 3600_000));
    const response = await new Browser().fetch("GET", `${url.pathname}${url.search}&openid_configuration=${encodeURIComponent(`${platform.issuer}/.well-known/openid-configuration`)}`);
    expect(response.status).toBe(403);
    expect(response.json()).toEqual({ error: expect.stringContaining("has expired") });
  });

  it("refuses a dynamic registration without a token Descent made", async () => {
    const response = await new Browser().fetch("GET", `/api/lti/register?openid_configuration=${encodeURIComponent(`${platform.issuer}/config`)}&descent=1.forged`);
    expect(response.status).toBe(403);
    expect(response.json()).toEqual({ error: expect.stringContaining("not one Descent made") });
  });
});
