import { NextResponse } from "next/server";
import { requestOrigin } from "@/lib/api/request-origin";
import { env, kernelSettings } from "@/lib/env";
import { kernelPlacement } from "@/lib/kernel-placement";

export const dynamic = "force-dynamic";

/**
 * Where this page's notebook kernel runs (lib/kernel-placement.ts), asked by
 * the page when its kernel first starts: lesson pages are prerendered, and
 * the answer depends on the address the browser used and on the server's
 * settings.
 */
export function GET(request: Request): Response {
  const origin = requestOrigin(request);
  const placement = origin
    ? kernelPlacement(origin, kernelSettings(env()))
    : { kind: "sandbox" as const, reason: "WebGPU is off: the site's address could not be read from this request." };
  return NextResponse.json(placement, { headers: { "cache-control": "no-store" } });
}
