import "server-only";
import { errorResponse } from "@/lib/api/http";

/**
 * The few HTML pages LTI needs, answered by route handlers inside the LMS's
 * frame or window: auto-posting forms, the platform-storage check, the
 * "open in Descent" step and the deep-linking picker. Plain HTML with a
 * small inline script each; every value is escaped.
 */
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function page(title: string, body: string, status = 200): Response {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)} · Descent</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}button,a.button{font:inherit;padding:.45rem 1rem;border-radius:6px;border:1px solid #1f5fbf;background:#1f5fbf;color:#fff;text-decoration:none;display:inline-block}fieldset{border:1px solid #ccc;border-radius:6px;margin:1rem 0}label{display:block;margin:.25rem 0}[role=alert]{color:#a4001d}</style></head>
<body><main>${body}</main></body></html>`;
  // same-origin: a ticket in this page's links never reaches another site, and our own form posts still carry their Origin.
  return new Response(html, { status, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", "referrer-policy": "same-origin" } });
}

/** A form that posts itself (an LTI message to the platform), with a button for browsers without scripts. */
export function autoPostForm(title: string, action: string, fields: Record<string, string>): Response {
  const inputs = Object.entries(fields)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join("");
  return page(title, `<h1>${escapeHtml(title)}</h1><form method="post" action="${escapeHtml(action)}">${inputs}<button type="submit">Continue</button></form><script>document.forms[0].submit()</script>`);
}

/**
 * LTI client-side storage (lti.put_data / lti.get_data, postMessage to the
 * platform's frame) for browsers that block third-party cookies. The script
 * talks only to `origin` and accepts answers only from it, matched by message id.
 */
export function platformStorageScript(target: string, origin: string): string {
  return `const ltiStorage = (() => {
  const origin = ${JSON.stringify(origin)};
  const frame = ${JSON.stringify(target)} === "_parent" ? window.parent : window.parent.frames[${JSON.stringify(target)}];
  return (subject, body) => new Promise((resolve, reject) => {
    if (!frame || frame === window) return reject(new Error("no LMS frame to keep the launch's state in"));
    const id = crypto.randomUUID();
    const timer = setTimeout(() => { removeEventListener("message", listen); reject(new Error("the LMS did not answer")); }, 3000);
    function listen(event) {
      if (event.origin !== origin || event.data?.subject !== subject + ".response" || event.data?.message_id !== id) return;
      clearTimeout(timer); removeEventListener("message", listen);
      event.data.error ? reject(new Error(event.data.error.message || event.data.error.code)) : resolve(event.data);
    }
    addEventListener("message", listen);
    frame.postMessage({ subject, message_id: id, ...body }, origin);
  });
})();`;
}

/**
 * An LTI route for browsers: a refusal is shown as a page with its message
 * (and its status), since it appears inside the LMS, not to a script; a
 * caller that asks for JSON (the integration tests, scripts) still gets `{ error }`.
 */
export function ltiRoute<Args extends unknown[]>(handler: (request: Request, ...rest: Args) => Promise<Response>) {
  return async (request: Request, ...rest: Args): Promise<Response> => {
    try {
      return await handler(request, ...rest);
    } catch (error) {
      const answer = errorResponse(error);
      if (!(request.headers.get("accept") ?? "").includes("text/html")) return answer;
      const { error: message } = (await answer.json()) as { error: string };
      return page("Descent could not open", `<h1>Descent could not open</h1><p role="alert">${escapeHtml(message)}</p>`, answer.status);
    }
  };
}
