import { db } from "@/lib/db/client";
import { ltiCourseItems } from "@/lib/instructor/lti-course";
import { LtiError } from "@/lib/lti/errors";
import { acceptLaunch, type LaunchOutcome } from "@/lib/lti/launch-flow";
import { STATE_COOKIE } from "@/lib/lti/login";
import { escapeHtml, page, platformStorageScript, ltiRoute } from "@/lib/lti/pages";
import { messageFields } from "@/lib/lti/site";
import { ticketCookie } from "@/lib/auth/lti-ticket-binding";

/**
 * The LMS posts the launch here (id_token and state, from its own origin, so
 * no same-origin rule applies: the signed token and the one-time state are
 * the proof). The browser that started the login must be this one: its state
 * cookie says so, or (where cookies are blocked) the LMS's storage, checked
 * by the page before it shows anything.
 */
export const POST = ltiRoute(async (request: Request) => {
  const fields = await messageFields(request);
  const idToken = fields.get("id_token");
  const state = fields.get("state");
  if (!idToken || !state) throw new LtiError("the launch must carry id_token and state.");
  const storageTarget = fields.get("lti_storage_target");
  const cookieState = /(?:^|;\s*)descent_lti_state=([^;]+)/.exec(request.headers.get("cookie") ?? "")?.[1];
  if (!storageTarget && cookieState !== state) {
    throw new LtiError(`this browser did not start the launch (its ${STATE_COOKIE} cookie is missing or different). If your browser blocks cookies in the LMS, open the activity in a new window.`, 401);
  }
  const outcome = await acceptLaunch(db(), { idToken, state }, ltiCourseItems);
  const response = await launchPage(outcome, storageTarget && cookieState !== state ? { storageTarget, state } : undefined);
  // The sign-in link works at once only in the browser the launch reached (lib/auth/lti-ticket-binding.ts).
  if (outcome.kind === "resource") response.headers.append("set-cookie", ticketCookie(outcome.ticket, "launch"));
  return response;
});

/** The launch's page: the picker or the way into Descent; where cookies were lost, shown once the LMS's storage vouches for the launch. */
async function launchPage(outcome: LaunchOutcome, cookieless: { storageTarget: string; state: string } | undefined): Promise<Response> {
  const content = outcome.kind === "deep-linking" ? picker(outcome) : openDescent(outcome);
  if (!cookieless) return page(outcome.title, content);
  const { storageTarget, state } = cookieless;
  // Cookieless: the content stays hidden until the LMS confirms it holds this state for this browser.
  return page(
    outcome.title,
    `<div id="checked" hidden>${content}</div><p role="alert" id="problem"></p><script>${platformStorageScript(storageTarget, await platformOrigin(outcome))}
ltiStorage("lti.get_data", { key: ${JSON.stringify(`state_${state}`)} })
  .then((answer) => { if (answer.value !== ${JSON.stringify(state)}) throw new Error("the LMS does not know this launch"); document.getElementById("checked").hidden = false; window.autoOpen?.(); })
  .catch((error) => { document.getElementById("problem").textContent = "This launch could not be checked: " + error.message + ". Open the activity again from your course."; });</script>`,
  );
}

/** The LMS's storage answers from its own origin: that of its authorization endpoint, as at login. */
async function platformOrigin(outcome: LaunchOutcome): Promise<string> {
  const launch = await db().ltiLaunch.findUniqueOrThrow({ where: { id: outcome.ticket }, select: { platformId: true } });
  const platform = await db().ltiPlatform.findUniqueOrThrow({ where: { id: launch.platformId }, select: { authorizationEndpoint: true } });
  return new URL(platform.authorizationEndpoint).origin;
}

/**
 * A resource launch continues as a top-level page of this site, where the
 * session cookie is first-party in every browser: at once when the LMS opened
 * us in a window, or by this link into a new tab when it framed us (the
 * notebook wants the room and its own tab anyway).
 */
function openDescent(outcome: LaunchOutcome): string {
  const href = `/api/auth/lti/session?ticket=${encodeURIComponent(outcome.ticket)}`;
  return `<h1>${escapeHtml(outcome.title)}</h1>
<p><a class="button" id="open" href="${escapeHtml(href)}" target="_blank" rel="opener">Open in Descent</a></p>
<p>Descent opens in its own tab, signed in as you${outcome.role ? ` (${outcome.role} of this course)` : ""}. This link works once, for two minutes.</p>
<script>var autoOpen = () => { if (window.top === window) location.replace(${JSON.stringify(href)}); }; if (!document.getElementById("checked")) autoOpen();</script>`;
}

/** The deep-linking picker: the instructor ticks what to add to the LMS course; graded items get a grade column there. */
function picker(outcome: LaunchOutcome): string {
  const group = (legend: string, prefix: string) => {
    const choices = outcome.items.filter((i) => i.item.startsWith(prefix));
    if (choices.length === 0) return "";
    const boxes = choices
      .map((i) => `<label><input type="checkbox" name="item" value="${escapeHtml(i.item)}"> ${escapeHtml(i.title)}${i.scoreMaximum ? ` (graded, ${i.scoreMaximum} points)` : ""}</label>`)
      .join("");
    return `<fieldset><legend>${escapeHtml(legend)}</legend>${boxes}</fieldset>`;
  };
  return `<h1>Add Descent content to your course</h1>
<form method="post" action="/api/lti/deep-link"><input type="hidden" name="ticket" value="${escapeHtml(outcome.ticket)}">
${group("Assignments of this class", "assignment:")}${group("Exercises", "exercise:")}${group("Lessons", "lesson:")}
<button type="submit">Add to the course</button></form>`;
}
