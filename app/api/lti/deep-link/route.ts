import { requireSameOrigin } from "@/lib/api/http";
import { db } from "@/lib/db/client";
import { membership } from "@/lib/db/classes";
import { takeLaunchTicket } from "@/lib/db/lti-launches";
import { ltiCourseItems } from "@/lib/instructor/lti-course";
import { deepLinkingResponse, type DeepLinkingRequest } from "@/lib/lti/deep-linking";
import { LtiError } from "@/lib/lti/errors";
import { autoPostForm, ltiRoute } from "@/lib/lti/pages";
import { platformById, toolUrls } from "@/lib/lti/platforms";
import { messageFields, siteOrigin } from "@/lib/lti/site";

/**
 * The picker's answer (posted from our own page inside the LMS, so no cookie:
 * the deep-linking launch's one-time ticket is the proof). Signs the chosen
 * items as a Deep Linking response and posts it back to the LMS.
 */
export const POST = ltiRoute(async (request: Request) => {
  requireSameOrigin(request);
  const fields = await messageFields(request);
  const picked = fields.getAll("item");
  const launch = await takeLaunchTicket(db(), fields.get("ticket") ?? "", "deep-linking");
  if (!launch?.deepLinking) throw new LtiError("this picker has expired or was already used: open it again from the LMS.", 410);
  if (!launch.classId || (await membership(db(), launch.classId, launch.userId)) !== "instructor") throw new LtiError("only an instructor of the course can add Descent content to it.", 403);
  const { items } = await ltiCourseItems(launch.classId);
  const chosen = items.filter((i) => picked.includes(i.item));
  if (chosen.length === 0 || chosen.length !== new Set(picked).size) throw new LtiError("choose at least one item of this course.");
  const settings = JSON.parse(launch.deepLinking) as DeepLinkingRequest;
  const platform = await platformById(db(), launch.platformId);
  if (!platform) throw new LtiError("the LMS registration was removed.");
  const jwt = await deepLinkingResponse(db(), platform, settings, settings.acceptMultiple ? chosen : chosen.slice(0, 1), toolUrls(siteOrigin(request)).launch);
  return autoPostForm("Adding to your course", settings.returnUrl, { JWT: jwt });
});
