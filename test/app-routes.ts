/**
 * The app's route handlers, called as the server would call them, from a
 * test "browser" that keeps cookies: integration tests exercise the real
 * handlers, database and processes without starting Next.js.
 */
import type { TestDatabase } from "./databases";
import { CLIENT_ADDRESS_HEADER } from "@/lib/http-server/client-address";

export const ORIGIN = "http://descent.test";
/** The header server.ts sets from the socket; a test names its client's address with it. */
export { CLIENT_ADDRESS_HEADER };

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type RouteModule = Partial<Record<"GET" | "POST" | "PUT" | "PATCH" | "DELETE" | "OPTIONS", Handler>>;

/** The app's routes by URL pattern, loaded on first use (after a test has pointed the environment at its database). */
const routes: Array<{ pattern: RegExp; load: () => Promise<unknown> }> = [
  { pattern: /^\/api\/auth\//, load: () => import("@/app/api/auth/[...all]/route") },
  { pattern: /^\/api\/submissions$/, load: () => import("@/app/api/submissions/route") },
  { pattern: /^\/api\/progress$/, load: () => import("@/app/api/progress/route") },
  { pattern: /^\/api\/health$/, load: () => import("@/app/api/health/route") },
  { pattern: /^\/api\/metrics$/, load: () => import("@/app/api/metrics/route") },
  { pattern: /^\/api\/exercises\/(?<id>[^/]+)\/draft$/, load: () => import("@/app/api/exercises/[id]/draft/route") },
  { pattern: /^\/api\/exercises\/(?<id>[^/]+)\/solution$/, load: () => import("@/app/api/exercises/[id]/solution/route") },
  { pattern: /^\/api\/exercises\/(?<id>[^/]+)\/hints$/, load: () => import("@/app/api/exercises/[id]/hints/route") },
  { pattern: /^\/api\/exercises\/(?<id>[^/]+)$/, load: () => import("@/app/api/exercises/[id]/route") },
  { pattern: /^\/api\/lti\/login$/, load: () => import("@/app/api/lti/login/route") },
  { pattern: /^\/api\/lti\/launch$/, load: () => import("@/app/api/lti/launch/route") },
  { pattern: /^\/api\/lti\/jwks$/, load: () => import("@/app/api/lti/jwks/route") },
  { pattern: /^\/api\/lti\/deep-link$/, load: () => import("@/app/api/lti/deep-link/route") },
  { pattern: /^\/api\/lti\/register$/, load: () => import("@/app/api/lti/register/route") },
  { pattern: /^\/lti\/continue\/confirm$/, load: () => import("@/app/lti/continue/confirm/route") },
  { pattern: /^\/api\/instructor\/lti\/platforms$/, load: () => import("@/app/api/instructor/lti/platforms/route") },
  { pattern: /^\/api\/instructor\/classes\/(?<classId>[^/]+)\/roster-sync$/, load: () => import("@/app/api/instructor/classes/[classId]/roster-sync/route") },
  { pattern: /^\/api\/classes\/join$/, load: () => import("@/app/api/classes/join/route") },
  { pattern: /^\/api\/instructor\/classes$/, load: () => import("@/app/api/instructor/classes/route") },
  { pattern: /^\/api\/instructor\/classes\/(?<classId>[^/]+)$/, load: () => import("@/app/api/instructor/classes/[classId]/route") },
  { pattern: /^\/api\/instructor\/classes\/(?<classId>[^/]+)\/gradebook$/, load: () => import("@/app/api/instructor/classes/[classId]/gradebook/route") },
  { pattern: /^\/api\/instructor\/classes\/(?<classId>[^/]+)\/join-code$/, load: () => import("@/app/api/instructor/classes/[classId]/join-code/route") },
  { pattern: /^\/api\/instructor\/classes\/(?<classId>[^/]+)\/instructors$/, load: () => import("@/app/api/instructor/classes/[classId]/instructors/route") },
  { pattern: /^\/api\/instructor\/classes\/(?<classId>[^/]+)\/members\/(?<userId>[^/]+)$/, load: () => import("@/app/api/instructor/classes/[classId]/members/[userId]/route") },
  { pattern: /^\/api\/instructor\/classes\/(?<classId>[^/]+)\/assignments$/, load: () => import("@/app/api/instructor/classes/[classId]/assignments/route") },
  { pattern: /^\/api\/instructor\/classes\/(?<classId>[^/]+)\/assignments\/(?<id>[^/]+)$/, load: () => import("@/app/api/instructor/classes/[classId]/assignments/[id]/route") },
  { pattern: /^\/api\/models$/, load: () => import("@/app/api/models/route") },
  { pattern: /^\/api\/models\/(?<id>[^/]+)$/, load: () => import("@/app/api/models/[id]/route") },
  { pattern: /^\/api\/models\/(?<id>[^/]+)\/keys$/, load: () => import("@/app/api/models/[id]/keys/route") },
  { pattern: /^\/api\/models\/(?<id>[^/]+)\/keys\/(?<keyId>[^/]+)$/, load: () => import("@/app/api/models/[id]/keys/[keyId]/route") },
  { pattern: /^\/api\/models\/(?<id>[^/]+)\/predict$/, load: () => import("@/app/api/models/[id]/predict/route") },
];

/** A browser: keeps the cookies its responses set and sends them back, as a real one would. */
export class Browser {
  readonly cookies = new Map<string, string>();

  async fetch(
    method: string,
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; text: string; json: () => unknown; headers: Headers }> {
    const { pathname } = new URL(url, ORIGIN);
    const route = routes.find((r) => r.pattern.test(pathname));
    if (!route) throw new Error(`no route for ${pathname}`);
    const handler = ((await route.load()) as RouteModule)[method as "GET"];
    if (!handler) throw new Error(`${pathname} has no ${method}`);
    const encoded = await encodeBody(body);
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
    const request = new Request(new URL(url, ORIGIN), {
      method,
      headers: {
        ...encoded.headers,
        ...(cookie ? { cookie } : {}),
        host: new URL(ORIGIN).host,
        origin: ORIGIN,
        [CLIENT_ADDRESS_HEADER]: "203.0.113.7",
        ...headers,
      },
      body: encoded.body,
    });
    const response = await handler(request, { params: Promise.resolve(route.pattern.exec(pathname)?.groups ?? {}) });
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(";");
      const [name, ...value] = pair!.split("=");
      if (/max-age=0/i.test(header)) this.cookies.delete(name!);
      else this.cookies.set(name!, value.join("="));
    }
    const text = await response.text();
    return { status: response.status, text, json: () => JSON.parse(text), headers: response.headers };
  }
}

/** JSON for objects; a multipart body with its boundary and length for FormData, as a browser sends it. */
async function encodeBody(body: unknown): Promise<{ body?: BodyInit; headers: Record<string, string> }> {
  if (body === undefined) return { headers: {} };
  if (body instanceof FormData) {
    const encoded = new Response(body);
    const bytes = new Uint8Array(await encoded.arrayBuffer());
    return { body: bytes, headers: { "content-type": encoded.headers.get("content-type")!, "content-length": String(bytes.byteLength) } };
  }
  return { body: typeof body === "string" ? body : JSON.stringify(body), headers: { "content-type": "application/json" } };
}

/** After a test file that called the app: stops its graders, closes its database client and removes the test's folder `dir`. */
export async function closeApp(database: TestDatabase): Promise<void> {
  const { graderPool } = await import("@/lib/exercises/grader");
  const { db } = await import("@/lib/db/client");
  const { closeJobQueue } = await import("@/lib/jobs/connection");
  await graderPool().close();
  await closeJobQueue();
  await db().$disconnect();
  await database.remove();
}
