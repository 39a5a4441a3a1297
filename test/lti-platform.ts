/**
 * A small but real LTI 1.3 platform (an LMS stand-in like Canvas or Moodle) for Descent's integration and
 * end-to-end tests. It signs id_tokens with its own RSA key, verifies the tool's client assertions and
 * deep-linking responses against the tool's JWKS, and serves the OIDC, token, AGS and NRPS endpoints over
 * node:http on 127.0.0.1 (random port). It talks to the tool only over HTTP, as a real LMS would, so the
 * tool's code under test is the code that runs in production. Protocol facts: docs/research/lti-1.3.md.
 *
 * It is strict where a real platform may be lenient (content types, required claims, scopes), so tool
 * bugs fail here rather than in a customer's LMS. State is plain public arrays that tests read and edit.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import { calculateJwkThumbprint, createRemoteJWKSet, exportJWK, generateKeyPair, jwtVerify, SignJWT, type JWK, type JWTPayload } from "jose";
import { listenOnLoopback } from "./listen";

export type PlatformUser = { sub: string; name: string; email?: string; roles: string[] /* full LIS role URIs */ };
export type ReceivedScore = { lineItemUrl: string; body: Record<string, unknown>; at: number };
export type LineItem = { id: string; label: string; scoreMaximum: number; resourceId?: string; tag?: string; resourceLinkId?: string };

export type LaunchSpec = {
  user: PlatformUser;
  messageType?: "LtiResourceLinkRequest" | "LtiDeepLinkingRequest"; // default resource link
  targetLinkUri: string;
  resourceLink?: { id: string; title?: string }; // default { id: "link-1" } for resource links
  custom?: Record<string, string>; // the `custom` claim
  lineItemUrl?: string; // put in the AGS endpoint claim as `lineitem`
  storageTarget?: string; // e.g. "_parent": sent as lti_storage_target
  deepLinkReturnUrl?: string; // default `${issuer}/deep-link-return`
};

export type IdTokenOverrides = {
  /** Merged over the normal claims; a claim set to `undefined` is removed (to test missing claims). */
  claims?: Record<string, unknown>;
  /** exp = now + this (default 300); negative for an expired token. */
  expiresInSeconds?: number;
  /** iat = now + this (default 0); exp does not move with it. */
  issuedAtOffsetSeconds?: number;
  /** Signs with a key that is not in /jwks (same kid), so only the signature check can catch it. */
  signWithForeignKey?: boolean;
};

export interface TestPlatform {
  issuer: string;
  clientId: string;
  deploymentId: string;
  authorizationEndpoint: string;
  tokenEndpoint: string;
  jwksUri: string;
  /** Registers the tool: its JWKS URL (to verify the client assertion and deep-linking responses) and its redirect URIs. */
  setTool(tool: ToolRegistration): void;
  context: { id: string; label: string; title: string };
  /** Members NRPS returns (add users here; a launch also needs the user here). */
  members: PlatformUser[];
  /** AGS line items the platform holds (created by POST or by deep linking). */
  lineItems: LineItem[];
  /** Tool configurations received by Dynamic Registration, in order. */
  registrations: Array<Record<string, unknown>>;
  /** Every score POST received, in order. */
  scores: ReceivedScore[];
  /** How many client-credentials tokens were issued. */
  tokenRequests: number;
  /** Fails the next `n` score POSTs with HTTP 503 (to test the tool's retries). */
  failNextScores(n: number): void;
  /** The tool's OIDC login initiation URL (GET) that starts `launch`, as the LMS page's link would. */
  loginUrl(launch: LaunchSpec): string;
  /**
   * A course page (`${issuer}/course?launch=<id>`) that frames `loginUrl(launch)` as Canvas does and answers the
   * tool's client-side storage postMessages (lti.capabilities, lti.put_data, lti.get_data). In a browser the tool
   * then runs as a third-party frame, where its cookies may be blocked; use `storageTarget: "_parent"`.
   */
  coursePageUrl(launch: LaunchSpec): string;
  /** The id_token the platform would post for a launch (for tests that tamper with it). */
  idTokenFor(launch: LaunchSpec, nonce: string, overrides?: IdTokenOverrides): Promise<string>;
  /** Verifies the tool's deep-linking response JWT and returns its payload; records the items' lineItems as line items, like Canvas. */
  acceptDeepLinkingResponse(jwt: string): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}

type ToolRegistration = { jwksUri: string; redirectUris: string[]; loginUrl: string };
type Json = Record<string, unknown>;
type Reply = { status: number; type: string; body: string };

/** The registration token this platform hands a tool's Dynamic Registration (`?registration_token=`). */
export const REGISTRATION_TOKEN = "test-registration-token";

export const ROLES = {
  instructor: "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor",
  learner: "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner",
} as const;

const LTI = "https://purl.imsglobal.org/spec/lti/claim/";
const AGS_CLAIM = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint";
const NRPS_CLAIM = "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice";
const DL_SETTINGS = "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings";
const DL_DATA = "https://purl.imsglobal.org/spec/lti-dl/claim/data";
const DL_ITEMS = "https://purl.imsglobal.org/spec/lti-dl/claim/content_items";
const DL_OPAQUE_DATA = "opaque-dl-data";
const SCOPE = {
  lineItem: "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
  lineItemReadonly: "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly",
  resultReadonly: "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly",
  score: "https://purl.imsglobal.org/spec/lti-ags/scope/score",
  memberships: "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly",
};
const AGS_SCOPES = [SCOPE.lineItem, SCOPE.lineItemReadonly, SCOPE.resultReadonly, SCOPE.score];
const TYPE = {
  form: "application/x-www-form-urlencoded",
  lineItem: "application/vnd.ims.lis.v2.lineitem+json",
  lineItems: "application/vnd.ims.lis.v2.lineitemcontainer+json",
  score: "application/vnd.ims.lis.v1.score+json",
  memberships: "application/vnd.ims.lti-nrps.v2.membershipcontainer+json",
};
const JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
const ACTIVITY = ["Initialized", "Started", "InProgress", "Submitted", "Completed"];
const GRADING = ["FullyGraded", "Pending", "PendingManual", "Failed", "NotReady"];
const MAX_BODY = 1 << 20;

/** A refusal with its HTTP status; `json` makes it an OAuth-style JSON error instead of text. */
class HttpError extends Error {
  constructor(readonly status: number, message: string, readonly json?: Json) {
    super(message);
  }
}

function demand(ok: unknown, message: string, status = 400): asserts ok {
  if (!ok) throw new HttpError(status, message);
}

const reply = (status: number, type: string, body: string): Reply => ({ status, type, body });
const json = (status: number, value: unknown, type = "application/json"): Reply => reply(status, type, JSON.stringify(value));
const text = (status: number, body: string): Reply => reply(status, "text/plain; charset=utf-8", body);
const html = (body: string): Reply => reply(200, "text/html; charset=utf-8", `<!doctype html><html><head><title>Test LMS</title></head><body>${body}</body></html>`);
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);
const isPositive = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value) && value > 0;
const mediaType = (req: IncomingMessage) => (req.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
const withoutUndefined = <T extends object>(value: T): T => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;

function optionalString(value: unknown, name: string): string | undefined {
  demand(value === undefined || typeof value === "string", `${name}: must be a string`);
  return value;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    demand(size <= MAX_BODY, "body too large", 413);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  demand(mediaType(req) === TYPE.form, `Content-Type: expected ${TYPE.form}`, 415);
  return new URLSearchParams(await readBody(req));
}

async function readJson(req: IncomingMessage, type: string): Promise<Json> {
  demand(mediaType(req) === type, `Content-Type: expected ${type}`, 415);
  let body: unknown;
  try {
    body = JSON.parse(await readBody(req));
  } catch {
    throw new HttpError(400, "body: not JSON");
  }
  demand(isObject(body), "body: must be a JSON object");
  return body;
}

/**
 * The course page: the tool in an iframe, and the platform's side of LTI client-side storage (lti-cs-pm,
 * lti-pm-s; docs/research/lti-1.3.md §3.8), so an e2e test can launch the tool framed, as Canvas does, without
 * the tool relying on third-party cookies. Only messages from the tool's origin are answered, and stored values
 * are keyed by that origin as the spec asks; `window.ltiMessages` lists the subjects the tool sent, for tests.
 */
function coursePage(loginUrl: string, toolOrigin: string): Reply {
  const script = `const toolOrigin = ${JSON.stringify(toolOrigin).replace(/</g, "\\u003c")};
const stored = new Map();
window.ltiMessages = [];
window.addEventListener("message", (event) => {
  const data = event.data;
  if (event.origin !== toolOrigin || typeof data !== "object" || data === null || typeof data.subject !== "string") return;
  window.ltiMessages.push(data.subject);
  const { subject, message_id, key } = data;
  const storeKey = event.origin + ":" + key;
  let answer;
  if (subject === "lti.capabilities") answer = { supported_messages: [{ subject: "lti.capabilities" }, { subject: "lti.put_data" }, { subject: "lti.get_data" }] };
  else if (subject === "lti.put_data") { stored.set(storeKey, data.value); answer = { key, value: data.value }; }
  else if (subject === "lti.get_data") answer = stored.has(storeKey) ? { key, value: stored.get(storeKey) } : { key, error: { code: "bad_request", message: "no such key" } };
  else return;
  event.source.postMessage({ subject: subject + ".response", message_id, ...answer }, event.origin);
});`;
  return html(
    // The listener first, as an LMS would: the framed tool may post as soon as it loads.
    `<h1>Test LMS course</h1><script>${script}</script>` +
      `<iframe name="tool" title="Descent" src="${escapeHtml(loginUrl)}" style="width:100%;height:600px" allow="clipboard-write; fullscreen"></iframe>`,
  );
}

/** The page a browser gets from /auth: it posts the launch to the tool by itself, or on "Continue" without JS. */
function autoPostPage(action: string, fields: Record<string, string>): Reply {
  const inputs = Object.entries(fields).map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`);
  return html(
    `<form method="post" action="${escapeHtml(action)}" enctype="${TYPE.form}">${inputs.join("")}<button type="submit">Continue</button></form>` +
      `<script>document.forms[0].submit()</script>`,
  );
}

function validateScore(body: Json, members: PlatformUser[]): void {
  const { userId, scoreGiven, scoreMaximum, timestamp, activityProgress, gradingProgress } = body;
  demand(typeof userId === "string" && members.some((m) => m.sub === userId), "userId: must be a member's sub");
  if (scoreGiven !== undefined) {
    demand(typeof scoreGiven === "number" && Number.isFinite(scoreGiven) && scoreGiven >= 0, "scoreGiven: must be a number, at least 0");
    demand(isPositive(scoreMaximum), "scoreMaximum: required with scoreGiven, a number above 0");
    demand(scoreGiven <= scoreMaximum, "scoreGiven: must not exceed scoreMaximum");
  }
  demand(typeof timestamp === "string" && /^\d{4}-\d\d-\d\dT/.test(timestamp) && !Number.isNaN(Date.parse(timestamp)), "timestamp: must be an ISO 8601 date-time");
  demand(typeof activityProgress === "string" && ACTIVITY.includes(activityProgress), `activityProgress: must be one of ${ACTIVITY.join(", ")}`);
  demand(typeof gradingProgress === "string" && GRADING.includes(gradingProgress), `gradingProgress: must be one of ${GRADING.join(", ")}`);
}

/**
 * The line item a deep-linked content item asks for, if any. Canvas creates it itself, tied to the new
 * resource link, and launches of that link carry its URL as `lineitem`.
 */
function deepLinkedLineItem(item: unknown): Omit<LineItem, "id"> | undefined {
  demand(isObject(item) && item.type === "ltiResourceLink", "content_items: only ltiResourceLink items are accepted");
  const { lineItem } = item;
  if (lineItem === undefined) return undefined;
  demand(isObject(lineItem) && isPositive(lineItem.scoreMaximum), "content_items: lineItem.scoreMaximum must be a number above 0");
  const label = optionalString(lineItem.label, "lineItem.label") ?? optionalString(item.title, "title");
  demand(label, "content_items: lineItem.label or title required");
  return {
    label,
    scoreMaximum: lineItem.scoreMaximum,
    resourceId: optionalString(lineItem.resourceId, "lineItem.resourceId"),
    tag: optionalString(lineItem.tag, "lineItem.tag"),
    resourceLinkId: `deep-linked-${randomUUID()}`,
  };
}

type RegisteredTool = { registration: ToolRegistration; jwks: ReturnType<typeof createRemoteJWKSet> };

class Platform implements TestPlatform {
  readonly authorizationEndpoint: string;
  readonly tokenEndpoint: string;
  readonly jwksUri: string;
  context = { id: "course-101", label: "DL101", title: "Deep Learning 101" };
  members: PlatformUser[] = [];
  lineItems: LineItem[] = [];
  scores: ReceivedScore[] = [];
  tokenRequests = 0;
  /** Every tool configuration posted to /register (Dynamic Registration). */
  registrations: Array<Record<string, unknown>> = [];
  #tool: RegisteredTool | undefined;
  #launches = new Map<string, LaunchSpec>(); // by lti_message_hint
  #coursePages = new Map<string, string>(); // the login URL each course page frames, by its id
  #tokens = new Map<string, { scopes: string[]; expiresAt: number }>();
  #usedJtis = new Set<string>();
  #failingScores = 0;
  #nextLineItem = 1;
  #foreignKey: CryptoKey | undefined;

  constructor(
    readonly issuer: string,
    readonly clientId: string,
    readonly deploymentId: string,
    private readonly server: Server,
    private readonly key: { privateKey: CryptoKey; publicJwk: JWK & { kid: string } },
  ) {
    this.authorizationEndpoint = `${issuer}/auth`;
    this.tokenEndpoint = `${issuer}/token`;
    this.jwksUri = `${issuer}/jwks`;
    server.on("request", (req, res) => {
      void this.#handle(req).then((r) => res.writeHead(r.status, { "content-type": r.type, "cache-control": "no-store" }).end(r.body));
    });
  }

  setTool(registration: ToolRegistration): void {
    this.#tool = { registration, jwks: createRemoteJWKSet(new URL(registration.jwksUri)) };
  }

  failNextScores(n: number): void {
    this.#failingScores = n;
  }

  loginUrl(launch: LaunchSpec): string {
    const hint = randomUUID();
    this.#launches.set(hint, launch);
    const url = new URL(this.#registeredTool().registration.loginUrl);
    const params = {
      iss: this.issuer,
      login_hint: launch.user.sub,
      target_link_uri: launch.targetLinkUri,
      lti_message_hint: hint,
      client_id: this.clientId,
      lti_deployment_id: this.deploymentId,
      lti_storage_target: launch.storageTarget,
    };
    for (const [name, value] of Object.entries(params)) if (value !== undefined) url.searchParams.set(name, value);
    return url.toString();
  }

  coursePageUrl(launch: LaunchSpec): string {
    const id = randomUUID();
    this.#coursePages.set(id, this.loginUrl(launch));
    return `${this.issuer}/course?launch=${id}`;
  }

  async idTokenFor(launch: LaunchSpec, nonce: string, overrides: IdTokenOverrides = {}): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    const claims = { ...this.#launchClaims(launch), nonce, iat: now + (overrides.issuedAtOffsetSeconds ?? 0), exp: now + (overrides.expiresInSeconds ?? 300), ...overrides.claims };
    const key = overrides.signWithForeignKey ? await this.#foreignSigningKey() : this.key.privateKey;
    return new SignJWT(withoutUndefined(claims) as JWTPayload).setProtectedHeader({ alg: "RS256", kid: this.key.publicJwk.kid, typ: "JWT" }).sign(key);
  }

  async acceptDeepLinkingResponse(jwt: string): Promise<Json> {
    const { payload } = await jwtVerify(jwt, this.#registeredTool().jwks, { issuer: this.clientId, audience: this.issuer, algorithms: ["RS256"], requiredClaims: ["iat", "exp", "nonce"] });
    demand(payload[`${LTI}message_type`] === "LtiDeepLinkingResponse", "message_type: must be LtiDeepLinkingResponse");
    demand(payload[`${LTI}version`] === "1.3.0", "version: must be 1.3.0");
    demand(payload[`${LTI}deployment_id`] === this.deploymentId, "deployment_id: not this deployment");
    demand(payload[DL_DATA] === DL_OPAQUE_DATA, "data: must echo deep_linking_settings.data");
    const items = payload[DL_ITEMS];
    demand(Array.isArray(items), "content_items: must be an array");
    // Checks every item before recording any, so a refused response leaves no line items behind.
    const lineItems = items.map(deepLinkedLineItem);
    for (const fields of lineItems) if (fields) this.#addLineItem(fields);
    return payload;
  }

  close(): Promise<void> {
    const closed = new Promise<void>((resolve, reject) => this.server.close((error) => (error ? reject(error) : resolve())));
    // The tool's fetch keeps connections alive; without this, close() would wait for them to time out.
    this.server.closeAllConnections();
    return closed;
  }

  /** Never rejects: every failure becomes a reply, so a test sees the platform's reason instead of a hung request. */
  async #handle(req: IncomingMessage): Promise<Reply> {
    try {
      return await this.#route(req, new URL(req.url ?? "/", this.issuer));
    } catch (error) {
      if (!(error instanceof HttpError)) return text(500, `Test LMS failed: ${String(error)}`);
      return error.json ? json(error.status, error.json) : text(error.status, error.message);
    }
  }

  async #route(req: IncomingMessage, url: URL): Promise<Reply> {
    switch (`${req.method} ${url.pathname}`) {
      case "GET /jwks":
        return json(200, { keys: [this.key.publicJwk] });
      case "GET /auth":
        return this.#authorize(url.searchParams, req);
      case "POST /auth":
        return this.#authorize(await readForm(req), req);
      case "POST /token":
        return this.#token(await readForm(req));
      case "GET /lineitems":
        return this.#listLineItems(req, url.searchParams);
      case "POST /lineitems":
        return this.#createLineItem(req);
      case "GET /memberships":
        return this.#memberships(req);
      case "POST /deep-link-return":
        return this.#deepLinkReturn(req);
      case "GET /course": {
        const loginUrl = this.#coursePages.get(url.searchParams.get("launch") ?? "");
        demand(loginUrl, "launch: not a course page this platform made", 404);
        return coursePage(loginUrl, new URL(this.#registeredTool().registration.loginUrl).origin);
      }
      case "GET /return":
        return html("<p>Back in the Test LMS.</p>");
      case "GET /.well-known/openid-configuration":
        return json(200, {
          issuer: this.issuer,
          authorization_endpoint: this.authorizationEndpoint,
          token_endpoint: this.tokenEndpoint,
          jwks_uri: this.jwksUri,
          registration_endpoint: `${this.issuer}/register`,
          "https://purl.imsglobal.org/spec/lti-platform-configuration": { product_family_code: "descent-test", version: "1", messages_supported: [{ type: "LtiResourceLinkRequest" }, { type: "LtiDeepLinkingRequest" }] },
        });
      case "POST /register":
        return this.#register(req);
    }
    const scores = /^\/lineitems\/(\d+)\/scores$/.exec(url.pathname);
    if (scores && req.method === "POST") return this.#postScore(req, `${this.issuer}/lineitems/${scores[1]}`);
    return text(404, `Test LMS: no ${req.method} ${url.pathname}`);
  }

  async #authorize(params: URLSearchParams, req: IncomingMessage): Promise<Reply> {
    const param = (name: string) => params.get(name) ?? "";
    demand(param("scope").split(" ").includes("openid"), "scope: must be openid");
    demand(param("response_type") === "id_token", "response_type: must be id_token");
    demand(param("response_mode") === "form_post", "response_mode: must be form_post");
    demand(param("prompt") === "none", "prompt: must be none");
    demand(param("client_id") === this.clientId, "client_id: not this platform's client");
    const redirectUri = param("redirect_uri");
    demand(this.#tool?.registration.redirectUris.includes(redirectUri), "redirect_uri: not a registered redirect URI of the tool");
    const loginHint = param("login_hint");
    demand(this.members.some((m) => m.sub === loginHint), "login_hint: not a member of the course");
    const launch = this.#launches.get(param("lti_message_hint"));
    demand(launch, "lti_message_hint: not a launch this platform started");
    demand(launch.user.sub === loginHint, "login_hint: not the user of this launch");
    demand(param("nonce"), "nonce: missing");
    demand(param("state"), "state: missing");
    const fields: Record<string, string> = { id_token: await this.idTokenFor(launch, param("nonce")), state: param("state") };
    // Echoed so the tool's launch page knows to check its state in the platform's storage (§3.8).
    if (launch.storageTarget !== undefined) fields.lti_storage_target = launch.storageTarget;
    // JSON lets integration tests post the launch themselves, without parsing HTML.
    if ((req.headers.accept ?? "").includes("application/json")) return json(200, { action: redirectUri, fields });
    return autoPostPage(redirectUri, fields);
  }

  #launchClaims(launch: LaunchSpec): Json {
    const { user } = launch;
    const deepLinking = launch.messageType === "LtiDeepLinkingRequest";
    const [givenName, ...familyNames] = user.name.trim().split(/\s+/);
    return {
      iss: this.issuer,
      aud: this.clientId,
      azp: this.clientId,
      sub: user.sub,
      name: user.name,
      given_name: familyNames.length > 0 ? givenName : undefined,
      family_name: familyNames.length > 0 ? familyNames.join(" ") : undefined,
      email: user.email,
      [`${LTI}message_type`]: launch.messageType ?? "LtiResourceLinkRequest",
      [`${LTI}version`]: "1.3.0",
      [`${LTI}deployment_id`]: this.deploymentId,
      [`${LTI}target_link_uri`]: launch.targetLinkUri,
      [`${LTI}resource_link`]: deepLinking ? undefined : (launch.resourceLink ?? { id: "link-1" }),
      [`${LTI}roles`]: user.roles,
      [`${LTI}context`]: { ...this.context, type: ["http://purl.imsglobal.org/vocab/lis/v2/course#CourseOffering"] },
      [`${LTI}tool_platform`]: { guid: "test-platform", name: "Test LMS", product_family_code: "descent-test" },
      [`${LTI}launch_presentation`]: { document_target: "iframe", return_url: `${this.issuer}/return` },
      [`${LTI}custom`]: launch.custom,
      [AGS_CLAIM]: withoutUndefined({ scope: AGS_SCOPES, lineitems: `${this.issuer}/lineitems`, lineitem: launch.lineItemUrl }),
      [NRPS_CLAIM]: { context_memberships_url: `${this.issuer}/memberships`, service_versions: ["2.0"] },
      [DL_SETTINGS]: deepLinking
        ? {
            deep_link_return_url: launch.deepLinkReturnUrl ?? `${this.issuer}/deep-link-return`,
            accept_types: ["ltiResourceLink"],
            accept_presentation_document_targets: ["iframe", "window"],
            accept_multiple: true,
            accept_lineitem: true,
            data: DL_OPAQUE_DATA,
          }
        : undefined,
    };
  }

  async #token(form: URLSearchParams): Promise<Reply> {
    const refuse = (status: number, error: string, description: string) => new HttpError(status, description, { error, error_description: description });
    if (form.get("grant_type") !== "client_credentials") throw refuse(400, "unsupported_grant_type", "grant_type: must be client_credentials");
    if (form.get("client_assertion_type") !== JWT_BEARER) throw refuse(400, "invalid_request", `client_assertion_type: must be ${JWT_BEARER}`);
    try {
      await this.#verifyClientAssertion(form.get("client_assertion") ?? "");
    } catch (error) {
      throw refuse(401, "invalid_client", `client_assertion: ${error instanceof Error ? error.message : String(error)}`);
    }
    const scopes = (form.get("scope") ?? "").split(" ").filter((s) => Object.values(SCOPE).includes(s));
    if (scopes.length === 0) throw refuse(400, "invalid_scope", "scope: none of the requested scopes is offered");
    const accessToken = randomBytes(24).toString("base64url");
    this.#tokens.set(accessToken, { scopes, expiresAt: Date.now() + 3600_000 });
    this.tokenRequests++;
    return json(200, { access_token: accessToken, token_type: "Bearer", expires_in: 3600, scope: scopes.join(" ") });
  }

  async #verifyClientAssertion(assertion: string): Promise<void> {
    const { payload } = await jwtVerify(assertion, this.#registeredTool().jwks, {
      issuer: this.clientId,
      subject: this.clientId,
      audience: this.tokenEndpoint,
      algorithms: ["RS256"],
      requiredClaims: ["exp", "jti"],
    });
    // A replayed assertion is how a stolen one would be used: each jti is good once.
    demand(typeof payload.jti === "string" && !this.#usedJtis.has(payload.jti), "jti: already used");
    this.#usedJtis.add(payload.jti);
  }

  /** Throws 401 unless the request bears a live token of ours with one of `scopes`. */
  #requireScope(req: IncomingMessage, ...scopes: string[]): void {
    const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? "")?.[1];
    const token = bearer === undefined ? undefined : this.#tokens.get(bearer);
    demand(token && token.expiresAt > Date.now(), "Authorization: no valid bearer token", 401);
    demand(scopes.some((s) => token.scopes.includes(s)), `Authorization: the token lacks scope ${scopes.join(" or ")}`, 401);
  }

  #listLineItems(req: IncomingMessage, query: URLSearchParams): Reply {
    this.#requireScope(req, SCOPE.lineItem, SCOPE.lineItemReadonly);
    const matches = (filter: string, value: string | undefined) => query.get(filter) === null || query.get(filter) === value;
    const items = this.lineItems.filter((i) => matches("resource_id", i.resourceId) && matches("resource_link_id", i.resourceLinkId) && matches("tag", i.tag));
    return json(200, items, TYPE.lineItems);
  }

  /**
   * Dynamic Registration (lti-dr): the tool posts its configuration with the registration token the platform
   * gave; the platform registers it (its login URL, redirect URIs, JWKS) under this platform's client id.
   */
  async #register(req: IncomingMessage): Promise<Reply> {
    demand(req.headers.authorization === `Bearer ${REGISTRATION_TOKEN}`, "Authorization: the registration token is missing or wrong", 401);
    const body = await readJson(req, "application/json");
    const config = body["https://purl.imsglobal.org/spec/lti-tool-configuration"];
    demand(typeof body.initiate_login_uri === "string" && typeof body.jwks_uri === "string", "initiate_login_uri and jwks_uri are required");
    demand(Array.isArray(body.redirect_uris) && body.redirect_uris.every((u) => typeof u === "string"), "redirect_uris must be a list of URLs");
    demand(isObject(config) && Array.isArray(config.messages), "the lti-tool-configuration object with its messages is required");
    this.registrations.push(body);
    this.setTool({ jwksUri: body.jwks_uri, redirectUris: body.redirect_uris as string[], loginUrl: body.initiate_login_uri });
    return json(200, { ...body, client_id: this.clientId, "https://purl.imsglobal.org/spec/lti-tool-configuration": { ...config, deployment_id: this.deploymentId } });
  }

  async #createLineItem(req: IncomingMessage): Promise<Reply> {
    this.#requireScope(req, SCOPE.lineItem);
    const body = await readJson(req, TYPE.lineItem);
    demand(typeof body.label === "string" && body.label !== "", "label: must be a non-empty string");
    demand(isPositive(body.scoreMaximum), "scoreMaximum: must be a number above 0");
    const item = this.#addLineItem({
      label: body.label,
      scoreMaximum: body.scoreMaximum,
      resourceId: optionalString(body.resourceId, "resourceId"),
      tag: optionalString(body.tag, "tag"),
      resourceLinkId: optionalString(body.resourceLinkId, "resourceLinkId"),
    });
    return json(201, item, TYPE.lineItem);
  }

  #addLineItem(fields: Omit<LineItem, "id">): LineItem {
    const item = withoutUndefined({ id: `${this.issuer}/lineitems/${this.#nextLineItem++}`, ...fields });
    this.lineItems.push(item);
    return item;
  }

  async #postScore(req: IncomingMessage, lineItemUrl: string): Promise<Reply> {
    this.#requireScope(req, SCOPE.score);
    demand(this.lineItems.some((i) => i.id === lineItemUrl), `no line item ${lineItemUrl}`, 404);
    const body = await readJson(req, TYPE.score);
    if (this.#failingScores > 0) {
      this.#failingScores--;
      return text(503, "Test LMS: the gradebook is unavailable (failNextScores)");
    }
    validateScore(body, this.members);
    this.scores.push({ lineItemUrl, body, at: Date.now() });
    return json(200, {});
  }

  #memberships(req: IncomingMessage): Reply {
    this.#requireScope(req, SCOPE.memberships);
    const members = this.members.map((m) => withoutUndefined({ status: "Active", name: m.name, email: m.email, user_id: m.sub, roles: m.roles }));
    return json(200, { id: `${this.issuer}/memberships`, context: { ...this.context }, members }, TYPE.memberships);
  }

  async #deepLinkReturn(req: IncomingMessage): Promise<Reply> {
    const jwt = (await readForm(req)).get("JWT");
    demand(jwt, "JWT: missing");
    const payload = await this.acceptDeepLinkingResponse(jwt).catch((error: unknown) => {
      throw error instanceof HttpError ? error : new HttpError(400, `JWT: ${error instanceof Error ? error.message : String(error)}`);
    });
    const items = payload[DL_ITEMS] as unknown[];
    const titles = items.map((item) => (isObject(item) && typeof item.title === "string" ? item.title : "(untitled)"));
    return html(`<p>Content added: ${escapeHtml(titles.join(", "))}</p>`);
  }

  #registeredTool(): RegisteredTool {
    if (!this.#tool) throw new Error("Test LMS: call setTool() first");
    return this.#tool;
  }

  async #foreignSigningKey(): Promise<CryptoKey> {
    this.#foreignKey ??= (await generateKeyPair("RS256")).privateKey;
    return this.#foreignKey;
  }
}

export async function startTestPlatform(options: { clientId?: string; deploymentId?: string } = {}): Promise<TestPlatform> {
  const { privateKey, publicKey } = await generateKeyPair("RS256");
  const jwk = await exportJWK(publicKey);
  const publicJwk = { ...jwk, kid: await calculateJwkThumbprint(jwk), alg: "RS256", use: "sig" };
  const server = createServer();
  const issuer = await listenOnLoopback(server);
  return new Platform(issuer, options.clientId ?? "descent-test-client", options.deploymentId ?? "deployment-1", server, { privateKey, publicJwk });
}
