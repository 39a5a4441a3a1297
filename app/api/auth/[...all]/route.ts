import { toNextJsHandler } from "better-auth/next-js";
import { auth } from "@/lib/auth/auth";
import { withSecureCookies } from "@/lib/auth/secure-cookies";

const handlers = toNextJsHandler(auth);

// Account cookies are Secure exactly when this request came over https (see lib/auth/secure-cookies.ts).
export const GET = async (request: Request) => withSecureCookies(request, await handlers.GET(request));
export const POST = async (request: Request) => withSecureCookies(request, await handlers.POST(request));
