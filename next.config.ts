import type { NextConfig } from "next";
import { env } from "./lib/env";
import { HASHED_FILES, IMMUTABLE } from "./lib/http-server/cache-control";

// Every setting is checked once, here, so a bad one stops `next dev`, `next
// build` and `next start` at once, naming the variable.
env();

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  experimental: {
    // unauthorized() and forbidden() (next/navigation): instructor pages answer a real 401 or 403, not a 200 that
    // says no (lib/instructor/access.ts). Experimental in Next.js 16; drop this once they are stable.
    authInterrupts: true,
  },
  // Shiki loads its grammars and the Oniguruma WebAssembly regex engine at run
  // time; bundling it for the server breaks those loads, so Node requires it.
  serverExternalPackages: ["shiki", "@shikijs/rehype"],
  async headers() {
    // The kernel runs in an opaque origin (a sandboxed frame), so the files it
    // fetches from this site (its wasm backend, datasets) must allow any
    // origin. They are public and fetched without credentials.
    const anyOrigin = [{ key: "Access-Control-Allow-Origin", value: "*" }];
    return [
      { source: "/kernel/:path*", headers: anyOrigin },
      // Named by their content's hash: a cached chunk is never stale (lib/http-server/cache-control.ts).
      ...HASHED_FILES.map((source) => ({ source, headers: [{ key: "Cache-Control", value: IMMUTABLE }] })),
      { source: "/tfjs/:path*", headers: anyOrigin },
      { source: "/data/:path*", headers: anyOrigin },
      {
        // Even if opened directly, not in its sandboxed iframe, the kernel frame gets an opaque origin. This policy
        // replaces server.ts's (lib/http-server/site-policy.ts), so it says again that only the site may frame it.
        source: "/kernel/frame.html",
        headers: [...anyOrigin, { key: "Content-Security-Policy", value: "sandbox allow-scripts; frame-ancestors 'self'" }],
      },
    ];
  },
};

export default nextConfig;
