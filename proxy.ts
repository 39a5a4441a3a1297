import { NextResponse, type NextRequest } from "next/server";
import { learnerCookieFromHeader, newLearnerCookie } from "@/lib/auth/learner-cookie";

/**
 * Gives a browser its anonymous learner with the first lesson page it loads.
 * A page starts several writes at once (each exercise saves its draft, a
 * submission may follow); if each made its own learner, work would be split
 * between learners and the last cookie would win.
 */
export function proxy(request: NextRequest) {
  const response = NextResponse.next();
  const learner = learnerCookieFromHeader(request.headers.get("cookie"));
  // A new learner, or one whose cookie was signed with the old key: (re-)signed with the learner cookie's own key.
  if (!learner?.current) response.cookies.set(...newLearnerCookie(request, learner?.id).cookie);
  return response;
}

export const config = {
  // Pages where learners work; not the API (which makes learners itself) or static files.
  matcher: ["/learn/:path*", "/assignments", "/models", "/"],
};

