import { db } from "@/lib/db/client";
import { page, ltiRoute } from "@/lib/lti/pages";
import { registerDynamically } from "@/lib/lti/registration";
import { siteOrigin } from "@/lib/lti/site";

/** Dynamic Registration: the LMS opens this (in a frame or window) with its configuration's address. */
export const GET = ltiRoute(async (request: Request) => {
  await registerDynamically(db(), new URL(request.url).searchParams, siteOrigin(request));
  return page(
    "Descent is registered",
    `<h1>Descent is registered</h1><p>Activate it in the LMS, then add it to a course.</p><script>(window.opener || window.parent).postMessage({ subject: "org.imsglobal.lti.close" }, "*");</script>`,
  );
});
