/**
 * The test LMS of test/lti-platform.ts, driven over HTTP the way Descent will drive it: a fake tool here
 * has its own key pair and serves its JWKS, signs client assertions and deep-linking responses, and
 * checks what the platform signs against the platform's /jwks.
 */
import { createServer, type Server } from "node:http";
import { randomUUID } from "node:crypto";
import { runInNewContext } from "node:vm";
import { createRemoteJWKSet, decodeJwt, exportJWK, generateKeyPair, jwtVerify, SignJWT, type JWTPayload } from "jose";
import { listenOnLoopback } from "./listen";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROLES, startTestPlatform, type LaunchSpec, type PlatformUser, type TestPlatform } from "./lti-platform";

const LTI = "https://purl.imsglobal.org/spec/lti/claim/";
const DL = "https://purl.imsglobal.org/spec/lti-dl/claim/";
const SCOPE_LINEITEM = "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem";
const SCOPE_SCORE = "https://purl.imsglobal.org/spec/lti-ags/scope/score";
const SCOPE_MEMBERSHIPS = "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly";
const REDIRECT_URI = "http://tool.test/api/lti/launch";
const TARGET = "http://tool.test/api/lti/launch";

const teacher: PlatformUser = { sub: "u-teacher", name: "Grace Brewster Hopper", email: "grace@school.test", roles: [ROLES.instructor] };
const student: PlatformUser = { sub: "u-student", name: "Alan", roles: [ROLES.learner] };

/** The tool side: a key pair and a JWKS server, nothing of Descent. */
type FakeTool = { jwksUri: string; sign(claims: JWTPayload): Promise<string>; server: Server };

async function startFakeTool(): Promise<FakeTool> {
  const { privateKey, publicKey } = await generateKeyPair("RS256");
  const jwk = { ...(await exportJWK(publicKey)), kid: "tool-key", alg: "RS256", use: "sig" };
  const server = createServer((_req, res) => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ keys: [jwk] })));
  const origin = await listenOnLoopback(server);
  return {
    jwksUri: `${origin}/jwks`,
    sign: (claims) => new SignJWT(claims).setProtectedHeader({ alg: "RS256", kid: "tool-key" }).setIssuedAt().setExpirationTime("5m").sign(privateKey),
    server,
  };
}

let platform: TestPlatform;
let tool: FakeTool;

beforeAll(async () => {
  [platform, tool] = await Promise.all([startTestPlatform(), startFakeTool()]);
  platform.setTool({ jwksUri: tool.jwksUri, redirectUris: [REDIRECT_URI], loginUrl: "http://tool.test/api/lti/login" });
  platform.members.push(teacher, student);
});

afterAll(async () => {
  await platform.close();
  tool.server.closeAllConnections();
  tool.server.close();
});

/** The tool's half of the OIDC login: the authorization request for a login URL the platform gave. */
function authRequest(loginUrl: string, overrides: Record<string, string> = {}): URL {
  const login = new URL(loginUrl).searchParams;
  const url = new URL(platform.authorizationEndpoint);
  const params = {
    scope: "openid",
    response_type: "id_token",
    response_mode: "form_post",
    prompt: "none",
    client_id: platform.clientId,
    redirect_uri: REDIRECT_URI,
    login_hint: login.get("login_hint") ?? "",
    lti_message_hint: login.get("lti_message_hint") ?? "",
    nonce: "nonce-1",
    state: "state-1",
    ...overrides,
  };
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return url;
}

type AuthJson = { action: string; fields: Record<string, string> };

async function launchFields(launch: LaunchSpec): Promise<AuthJson> {
  const res = await fetch(authRequest(platform.loginUrl(launch)), { headers: { accept: "application/json" } });
  expect(res.status).toBe(200);
  return (await res.json()) as AuthJson;
}

async function clientAssertion(claims: JWTPayload = {}): Promise<string> {
  return tool.sign({ iss: platform.clientId, sub: platform.clientId, aud: platform.tokenEndpoint, jti: randomUUID(), ...claims });
}

function requestToken(assertion: string, scope: string) {
  return fetch(platform.tokenEndpoint, {
    method: "POST",
    body: new URLSearchParams({
      grant_type: "client_credentials",
      client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
      client_assertion: assertion,
      scope,
    }),
  });
}

async function accessToken(scope: string): Promise<string> {
  const res = await requestToken(await clientAssertion(), scope);
  return ((await res.json()) as { access_token: string }).access_token;
}

describe("the OIDC launch", () => {
  it("publishes its signing key", async () => {
    const jwks = (await (await fetch(platform.jwksUri)).json()) as { keys: Array<Record<string, unknown>> };
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kty: "RSA", alg: "RS256", use: "sig", kid: expect.any(String), n: expect.any(String), e: "AQAB" });
    expect(jwks.keys[0]).not.toHaveProperty("d");
  });

  it("starts a launch at the tool's login URL with the OIDC initiation parameters", () => {
    const url = new URL(platform.loginUrl({ user: student, targetLinkUri: TARGET, storageTarget: "_parent" }));
    expect(url.origin + url.pathname).toBe("http://tool.test/api/lti/login");
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      iss: platform.issuer,
      login_hint: student.sub,
      target_link_uri: TARGET,
      lti_message_hint: expect.any(String),
      client_id: "descent-test-client",
      lti_deployment_id: "deployment-1",
      lti_storage_target: "_parent",
    });
  });

  it("refuses an unregistered redirect_uri and another client_id, naming the parameter", async () => {
    const loginUrl = platform.loginUrl({ user: student, targetLinkUri: TARGET });
    const badRedirect = await fetch(authRequest(loginUrl, { redirect_uri: "http://evil.test/launch" }));
    expect(badRedirect.status).toBe(400);
    expect(await badRedirect.text()).toContain("redirect_uri");
    const badClient = await fetch(authRequest(loginUrl, { client_id: "someone-else" }));
    expect(badClient.status).toBe(400);
    expect(await badClient.text()).toContain("client_id");
    const unknownLaunch = await fetch(authRequest(loginUrl, { lti_message_hint: "made-up" }));
    expect(await unknownLaunch.text()).toContain("lti_message_hint");
  });

  it("answers a good request with an id_token that verifies against /jwks and carries the launch", async () => {
    const { action, fields } = await launchFields({ user: teacher, targetLinkUri: TARGET, custom: { descent_item: "exercise:1" }, lineItemUrl: `http://x.test/li/1`, storageTarget: "_parent" });
    expect(action).toBe(REDIRECT_URI);
    expect(fields).toMatchObject({ state: "state-1", lti_storage_target: "_parent" });
    const { payload, protectedHeader } = await jwtVerify(fields.id_token!, createRemoteJWKSet(new URL(platform.jwksUri)), { issuer: platform.issuer, audience: platform.clientId });
    expect(protectedHeader).toMatchObject({ alg: "RS256", kid: expect.any(String) });
    expect(payload).toMatchObject({
      sub: teacher.sub,
      azp: platform.clientId,
      nonce: "nonce-1",
      name: "Grace Brewster Hopper",
      given_name: "Grace",
      family_name: "Brewster Hopper",
      email: "grace@school.test",
      [`${LTI}message_type`]: "LtiResourceLinkRequest",
      [`${LTI}version`]: "1.3.0",
      [`${LTI}deployment_id`]: "deployment-1",
      [`${LTI}target_link_uri`]: TARGET,
      [`${LTI}resource_link`]: { id: "link-1" },
      [`${LTI}roles`]: [ROLES.instructor],
      [`${LTI}context`]: { id: "course-101", label: "DL101", title: "Deep Learning 101", type: ["http://purl.imsglobal.org/vocab/lis/v2/course#CourseOffering"] },
      [`${LTI}custom`]: { descent_item: "exercise:1" },
      "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint": { lineitems: `${platform.issuer}/lineitems`, lineitem: "http://x.test/li/1", scope: expect.arrayContaining([SCOPE_SCORE]) },
      "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice": { context_memberships_url: `${platform.issuer}/memberships`, service_versions: ["2.0"] },
    });
    expect(payload.exp! - payload.iat!).toBe(300);
    expect(payload).not.toHaveProperty(`${DL}deep_linking_settings`);
  });

  it("serves a browser an auto-posting form with a Continue button", async () => {
    const res = await fetch(authRequest(platform.loginUrl({ user: student, targetLinkUri: TARGET })));
    expect(res.headers.get("content-type")).toContain("text/html");
    const page = await res.text();
    expect(page).toContain(`<form method="post" action="${REDIRECT_URI}"`);
    expect(page).toMatch(/name="id_token" value="[\w.-]+"/);
    expect(page).toContain(`name="state" value="state-1"`);
    expect(page).toContain("document.forms[0].submit()");
    expect(page).toContain(">Continue</button>");
    expect(page).not.toContain("lti_storage_target");
  });

  it("sends deep-linking settings, and no resource link, in a deep-linking request", async () => {
    const { fields } = await launchFields({ user: teacher, targetLinkUri: TARGET, messageType: "LtiDeepLinkingRequest" });
    const payload = decodeJwt(fields.id_token!);
    expect(payload[`${LTI}message_type`]).toBe("LtiDeepLinkingRequest");
    expect(payload).not.toHaveProperty(`${LTI}resource_link`);
    expect(payload[`${DL}deep_linking_settings`]).toMatchObject({ deep_link_return_url: `${platform.issuer}/deep-link-return`, accept_types: ["ltiResourceLink"], data: "opaque-dl-data" });
  });

  it("makes tampered id_tokens for tests: foreign signatures, removed claims", async () => {
    const launch = { user: student, targetLinkUri: TARGET };
    const jwks = createRemoteJWKSet(new URL(platform.jwksUri));
    await expect(jwtVerify(await platform.idTokenFor(launch, "n", { signWithForeignKey: true }), jwks)).rejects.toThrow(/signature/);
    const expired = await platform.idTokenFor(launch, "n", { expiresInSeconds: -60, claims: { [`${LTI}deployment_id`]: undefined } });
    expect(decodeJwt(expired)).not.toHaveProperty(`${LTI}deployment_id`);
    await expect(jwtVerify(expired, jwks)).rejects.toThrow(/exp/);
  });
});

describe("the token endpoint", () => {
  it("grants a token for a good client assertion and refuses its replay", async () => {
    const before = platform.tokenRequests;
    const assertion = await clientAssertion();
    const res = await requestToken(assertion, `${SCOPE_SCORE} https://unknown.test/scope`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ access_token: expect.any(String), token_type: "Bearer", expires_in: 3600, scope: SCOPE_SCORE });
    expect(platform.tokenRequests).toBe(before + 1);

    const replay = await requestToken(assertion, SCOPE_SCORE);
    expect(replay.status).toBe(401);
    expect(await replay.json()).toMatchObject({ error: "invalid_client" });
    expect(platform.tokenRequests).toBe(before + 1);
  });

  it("refuses an assertion for another audience", async () => {
    const res = await requestToken(await clientAssertion({ aud: `${platform.issuer}/elsewhere` }), SCOPE_SCORE);
    expect(res.status).toBe(401);
  });
});

describe("assignment and grade services", () => {
  it("needs a bearer token with the right scope", async () => {
    expect((await fetch(`${platform.issuer}/lineitems`)).status).toBe(401);
    const scoreOnly = await accessToken(SCOPE_SCORE);
    expect((await fetch(`${platform.issuer}/lineitems`, { headers: { authorization: `Bearer ${scoreOnly}` } })).status).toBe(401);
  });

  it("creates line items and finds them by resource_id", async () => {
    const auth = { authorization: `Bearer ${await accessToken(SCOPE_LINEITEM)}` };
    const create = (body: object) =>
      fetch(`${platform.issuer}/lineitems`, { method: "POST", headers: { ...auth, "content-type": "application/vnd.ims.lis.v2.lineitem+json" }, body: JSON.stringify(body) });
    const res = await create({ label: "Exercise 1", scoreMaximum: 10, resourceId: "exercise:1", tag: "descent" });
    expect(res.status).toBe(201);
    const item = (await res.json()) as { id: string };
    expect(item).toEqual({ id: expect.stringMatching(new RegExp(`^${platform.issuer}/lineitems/\\d+$`)), label: "Exercise 1", scoreMaximum: 10, resourceId: "exercise:1", tag: "descent" });
    await create({ label: "Exercise 2", scoreMaximum: 5, resourceId: "exercise:2" });
    expect((await create({ label: "No maximum" })).status).toBe(400);

    const list = await fetch(`${platform.issuer}/lineitems?resource_id=exercise:1`, { headers: { ...auth, accept: "application/vnd.ims.lis.v2.lineitemcontainer+json" } });
    expect(list.headers.get("content-type")).toBe("application/vnd.ims.lis.v2.lineitemcontainer+json");
    expect(await list.json()).toEqual([item]);
  });

  it("records scores, fails them on demand with 503, and refuses bad ones", async () => {
    const lineItem = platform.lineItems.find((i) => i.resourceId === "exercise:1")!.id;
    const auth = { authorization: `Bearer ${await accessToken(SCOPE_SCORE)}` };
    const score = { userId: student.sub, scoreGiven: 8, scoreMaximum: 10, timestamp: new Date().toISOString(), activityProgress: "Completed", gradingProgress: "FullyGraded" };
    const post = (url: string, body: object) =>
      fetch(`${url}/scores`, { method: "POST", headers: { ...auth, "content-type": "application/vnd.ims.lis.v1.score+json" }, body: JSON.stringify(body) });

    platform.failNextScores(1);
    expect((await post(lineItem, score)).status).toBe(503);
    expect(platform.scores).toHaveLength(0);
    expect((await post(lineItem, score)).status).toBe(200);
    expect(platform.scores).toEqual([{ lineItemUrl: lineItem, body: score, at: expect.any(Number) }]);

    const tooHigh = await post(lineItem, { ...score, scoreGiven: 11 });
    expect(tooHigh.status).toBe(400);
    expect(await tooHigh.text()).toContain("scoreGiven");
    expect((await post(lineItem, { ...score, userId: "stranger" })).status).toBe(400);
    expect((await post(`${platform.issuer}/lineitems/999`, score)).status).toBe(404);
    expect(platform.scores).toHaveLength(1);
  });
});

describe("names and roles", () => {
  it("lists the course's members", async () => {
    const res = await fetch(`${platform.issuer}/memberships`, {
      headers: { authorization: `Bearer ${await accessToken(SCOPE_MEMBERSHIPS)}`, accept: "application/vnd.ims.lti-nrps.v2.membershipcontainer+json" },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      id: `${platform.issuer}/memberships`,
      context: { id: "course-101", label: "DL101", title: "Deep Learning 101" },
      members: [
        { status: "Active", name: teacher.name, email: teacher.email, user_id: teacher.sub, roles: [ROLES.instructor] },
        { status: "Active", name: student.name, user_id: student.sub, roles: [ROLES.learner] },
      ],
    });
  });
});

describe("deep linking", () => {
  const response = (claims: JWTPayload = {}) =>
    tool.sign({
      iss: platform.clientId,
      aud: platform.issuer,
      nonce: randomUUID(),
      [`${LTI}message_type`]: "LtiDeepLinkingResponse",
      [`${LTI}version`]: "1.3.0",
      [`${LTI}deployment_id`]: platform.deploymentId,
      [`${DL}data`]: "opaque-dl-data",
      [`${DL}content_items`]: [
        { type: "ltiResourceLink", title: "Lesson 4", url: TARGET, custom: { descent_item: "lesson:4" } },
        { type: "ltiResourceLink", title: "Exercise 3", url: TARGET, lineItem: { scoreMaximum: 10, label: "Exercise 3", resourceId: "exercise:3", tag: "descent" } },
      ],
      ...claims,
    });

  it("accepts the tool's response and creates the line items it asks for", async () => {
    const payload = await platform.acceptDeepLinkingResponse(await response());
    expect(payload[`${DL}content_items`]).toHaveLength(2);
    expect(platform.lineItems.filter((i) => i.resourceId === "exercise:3")).toEqual([
      { id: expect.any(String), label: "Exercise 3", scoreMaximum: 10, resourceId: "exercise:3", tag: "descent", resourceLinkId: expect.any(String) },
    ]);
  });

  it("refuses a response that does not echo the data, or is signed for another platform", async () => {
    await expect(platform.acceptDeepLinkingResponse(await response({ [`${DL}data`]: "other" }))).rejects.toThrow(/data/);
    await expect(platform.acceptDeepLinkingResponse(await response({ aud: "http://other-lms.test" }))).rejects.toThrow(/aud/);
  });

  it("shows what was added when the browser posts the response to the return URL", async () => {
    const res = await fetch(`${platform.issuer}/deep-link-return`, { method: "POST", body: new URLSearchParams({ JWT: await response() }) });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("Content added: Lesson 4, Exercise 3");
    const refused = await fetch(`${platform.issuer}/deep-link-return`, { method: "POST", body: new URLSearchParams({ JWT: "not.a.jwt" }) });
    expect(refused.status).toBe(400);
  });
});

describe("the course page", () => {
  const TOOL_ORIGIN = "http://tool.test";

  async function coursePage(): Promise<{ page: string; loginUrl: URL }> {
    const res = await fetch(platform.coursePageUrl({ user: student, targetLinkUri: TARGET, storageTarget: "_parent" }));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/html");
    const page = await res.text();
    const src = /<iframe name="tool" title="Descent" src="([^"]+)"/.exec(page)?.[1];
    expect(src).toBeDefined();
    return { page, loginUrl: new URL(src!.replaceAll("&#38;", "&")) };
  }

  /** Runs the page's script with a stand-in window; `post` delivers a message as if from `origin` and returns the replies. */
  function runScript(page: string) {
    const script = /<script>([\s\S]*)<\/script>/.exec(page)![1]!;
    let onMessage: (event: object) => void = () => {};
    const window = { addEventListener: (_type: string, listener: typeof onMessage) => (onMessage = listener), ltiMessages: [] as string[] };
    runInNewContext(script, { window });
    return {
      window,
      post(data: object, origin = TOOL_ORIGIN): Array<{ message: unknown; targetOrigin: string }> {
        const replies: Array<{ message: unknown; targetOrigin: string }> = [];
        // JSON round trip: the replies are objects of the script's realm, compared here as plain data.
        onMessage({ data, origin, source: { postMessage: (message: unknown, targetOrigin: string) => replies.push({ message: JSON.parse(JSON.stringify(message)), targetOrigin }) } });
        return replies;
      },
    };
  }

  it("frames the tool's login URL, with lti_storage_target, and answers storage messages", async () => {
    const { page, loginUrl } = await coursePage();
    expect(page).toContain("<h1>Test LMS course</h1>");
    expect(page).toContain(`style="width:100%;height:600px"`);
    expect(loginUrl.origin + loginUrl.pathname).toBe("http://tool.test/api/lti/login");
    expect(Object.fromEntries(loginUrl.searchParams)).toMatchObject({ iss: platform.issuer, login_hint: student.sub, target_link_uri: TARGET, lti_storage_target: "_parent" });
    expect(page).toMatch(/<script>[\s\S]*lti\.put_data[\s\S]*lti\.get_data[\s\S]*<\/script>/);
    // The framed login is a launch the platform knows: its /auth accepts it and echoes the storage target.
    const res = await fetch(authRequest(loginUrl.toString()), { headers: { accept: "application/json" } });
    expect(((await res.json()) as AuthJson).fields.lti_storage_target).toBe("_parent");
  });

  it("answers capabilities, put and get from the tool's origin only, and records what the tool asked", async () => {
    const { window, post } = runScript((await coursePage()).page);
    expect(post({ subject: "lti.capabilities", message_id: "m1" })).toEqual([
      {
        message: { subject: "lti.capabilities.response", message_id: "m1", supported_messages: [{ subject: "lti.capabilities" }, { subject: "lti.put_data" }, { subject: "lti.get_data" }] },
        targetOrigin: TOOL_ORIGIN,
      },
    ]);
    expect(post({ subject: "lti.put_data", message_id: "m2", key: "state_s", value: "s" })).toEqual([
      { message: { subject: "lti.put_data.response", message_id: "m2", key: "state_s", value: "s" }, targetOrigin: TOOL_ORIGIN },
    ]);
    expect(post({ subject: "lti.get_data", message_id: "m3", key: "state_s" })[0]!.message).toEqual({ subject: "lti.get_data.response", message_id: "m3", key: "state_s", value: "s" });
    expect(post({ subject: "lti.get_data", message_id: "m4", key: "other" })[0]!.message).toEqual({
      subject: "lti.get_data.response",
      message_id: "m4",
      key: "other",
      error: { code: "bad_request", message: "no such key" },
    });
    expect(post({ subject: "lti.get_data", message_id: "m5", key: "state_s" }, "http://evil.test")).toEqual([]);
    expect(window.ltiMessages).toEqual(["lti.capabilities", "lti.put_data", "lti.get_data", "lti.get_data"]);
  });

  it("has no page for a launch it did not make", async () => {
    expect((await fetch(`${platform.issuer}/course?launch=made-up`)).status).toBe(404);
  });
});
