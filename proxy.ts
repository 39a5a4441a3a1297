import { NextResponse, type NextRequest } from "next/server";
import { learnerFromCookieHeader, newLearnerCookie } from "@/lib/auth/learner-cookie";

/**
 * Gives a browser its anonymous learner with the first lesson page it loads.
 * A page starts several writes at once (each exercise saves its draft, a
 * submission may follow); if each made its own learner, work would be split
 * between learners and the last cookie would win.
 */
export function proxy(request: NextRequest) {
  const response = NextResponse.next();
  if (!learnerFromCookieHeader(request.headers.get("cookie"))) response.cookies.set(...newLearnerCookie(request).cookie);
  return response;
}

export const config = {
  // Pages where learners work; not the API (which makes learners itself) or static files.
  matcher: ["/learn/:path*", "/assignments", "/models", "/"],
};

