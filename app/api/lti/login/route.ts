import { NextResponse } from "next/server";
import { limitLtiLoginsFromClient } from "@/lib/auth/client-limits";
import { db } from "@/lib/db/client";
import { LtiError } from "@/lib/lti/errors";
import { LoginParams, startLogin, STATE_COOKIE } from "@/lib/lti/login";
import { page, platformStorageScript, ltiRoute } from "@/lib/lti/pages";
import { messageFields, siteOrigin } from "@/lib/lti/site";

/**
 * The LMS starts a launch here (OIDC third-party login initiation, GET or
 * POST). The launch's state is kept for the browser in a cookie and, when the
 * LMS offers it (lti_storage_target), in the LMS's own storage, so launches
 * also work where third-party cookies are blocked.
 */
async function login(request: Request): Promise<Response> {
  await limitLtiLoginsFromClient(request);
  const parsed = LoginParams.safeParse(Object.fromEntries(await messageFields(request)));
  if (!parsed.success) throw new LtiError(parsed.error.issues.map((i) => i.message).join("; "));
  const start = await startLogin(db(), parsed.data, siteOrigin(request));
  const response =
    start.storage.kind === "platform"
      ? page(
          "Starting Descent",
          `<h1>Starting Descent…</h1><p role="alert" id="problem"></p><script>${platformStorageScript(start.storage.target, start.storage.origin)}
ltiStorage("lti.put_data", { key: ${JSON.stringify(`state_${start.state}`)}, value: ${JSON.stringify(start.state)} })
  .then(() => location.replace(${JSON.stringify(start.authorizationUrl)}))
  .catch((error) => { document.getElementById("problem").textContent = "The launch could not start: " + error.message + ". Open the activity again from your course."; });</script>`,
        )
      : NextResponse.redirect(start.authorizationUrl, 302);
  // The cookie too, in either case: a browser that keeps it needs no help from the LMS. It must reach our launch
  // endpoint in the LMS's cross-site POST, so SameSite=None, which browsers accept only Secure (https, or localhost).
  response.headers.append("set-cookie", `${STATE_COOKIE}=${start.state}; Path=/api/lti; Max-Age=600; HttpOnly; SameSite=None; Secure`);
  return response;
}

export const GET = ltiRoute(login);
export const POST = ltiRoute(login);
