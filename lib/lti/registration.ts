import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { derivedKey } from "@/lib/auth/secret";
import type { Db } from "@/lib/db/client";
import { MESSAGE_TYPES, SCOPES } from "./constants";
import { callPlatform, LtiError } from "./errors";
import { PlatformInput, savePlatform, toolUrls } from "./platforms";

/**
 * LTI Dynamic Registration (lti-dr v1.0): an LMS administrator pastes our
 * registration URL into the LMS, which opens it with its configuration's
 * address; we read the configuration and register Descent there. The URL
 * carries a token that an instructor account made on Descent's LMS page
 * (valid a week), so a stranger cannot register an LMS of their own.
 */
const TOKEN_DAYS = 7;

const sign = (expires: string) => createHmac("sha256", derivedKey("lti-registration")).update(expires).digest("base64url");

export function registrationUrl(origin: string, now = Date.now()): string {
  const expires = String(now + TOKEN_DAYS * 24 * 3600_000);
  return `${toolUrls(origin).register}?descent=${expires}.${sign(expires)}`;
}

function checkToken(token: string | null, now = Date.now()): void {
  const [expires = "", mac = ""] = (token ?? "").split(".");
  const expected = Buffer.from(sign(expires));
  const given = Buffer.from(mac);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new LtiError("this registration link is not one Descent made: copy it again from Descent's LMS page.", 403);
  if (Number(expires) < now) throw new LtiError("this registration link has expired: copy a new one from Descent's LMS page.", 403);
}

const OpenIdConfiguration = z.object({
  issuer: z.string(),
  authorization_endpoint: z.string(),
  token_endpoint: z.string(),
  jwks_uri: z.string(),
  registration_endpoint: z.string(),
  authorization_server: z.string().optional(),
  "https://purl.imsglobal.org/spec/lti-platform-configuration": z.object({ product_family_code: z.string().optional() }).optional(),
});

/** Registers Descent with the LMS whose configuration is at `configurationUrl`; returns the new platform's id. */
export async function registerDynamically(db: Db, params: URLSearchParams, origin: string): Promise<string> {
  checkToken(params.get("descent"));
  const configurationUrl = params.get("openid_configuration");
  if (!configurationUrl) throw new LtiError("the LMS did not send openid_configuration: start the registration from the LMS.");
  const configuration = OpenIdConfiguration.safeParse(await (await callPlatform("the LMS's configuration", configurationUrl)).json());
  if (!configuration.success) throw new LtiError("the LMS's configuration lacks an issuer or an endpoint Descent needs.");
  const config = configuration.data;
  if (new URL(config.issuer).origin !== new URL(configurationUrl).origin) throw new LtiError("the LMS's configuration names an issuer on another site than the configuration itself.");
  const urls = toolUrls(origin);
  const token = params.get("registration_token");
  const registered = await callPlatform("the LMS's registration endpoint", config.registration_endpoint, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({
      application_type: "web",
      response_types: ["id_token"],
      grant_types: ["implicit", "client_credentials"],
      initiate_login_uri: urls.login,
      redirect_uris: [urls.launch],
      client_name: "Descent",
      jwks_uri: urls.jwks,
      token_endpoint_auth_method: "private_key_jwt",
      scope: Object.values(SCOPES).join(" "),
      "https://purl.imsglobal.org/spec/lti-tool-configuration": {
        domain: new URL(origin).host,
        target_link_uri: urls.launch,
        description: "Learn deep learning by running it: lessons, notebooks and auto-graded exercises.",
        claims: ["iss", "sub", "name", "given_name", "family_name", "email"],
        messages: [{ type: MESSAGE_TYPES.resourceLink }, { type: MESSAGE_TYPES.deepLinking, target_link_uri: urls.launch, label: "Add Descent content" }],
      },
    }),
  });
  const answer = (await registered.json()) as { client_id?: string; "https://purl.imsglobal.org/spec/lti-tool-configuration"?: { deployment_id?: string } };
  if (!answer.client_id) throw new LtiError("the LMS accepted the registration but gave no client_id.");
  const deploymentId = answer["https://purl.imsglobal.org/spec/lti-tool-configuration"]?.deployment_id;
  const input = PlatformInput.safeParse({
    name: config["https://purl.imsglobal.org/spec/lti-platform-configuration"]?.product_family_code ?? "",
    issuer: config.issuer,
    clientId: answer.client_id,
    deploymentIds: deploymentId ? [deploymentId] : [],
    authorizationEndpoint: config.authorization_endpoint,
    tokenEndpoint: config.token_endpoint,
    jwksUri: config.jwks_uri,
    tokenAudience: config.authorization_server,
  });
  if (!input.success) throw new LtiError(`the LMS's configuration is not usable: ${input.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}.`);
  return (await savePlatform(db, input.data, { update: true })).id;
}
