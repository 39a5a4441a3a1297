import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Shiki loads its grammars and the Oniguruma WebAssembly regex engine at run
  // time; bundling it for the server breaks those loads, so Node requires it.
  serverExternalPackages: ["shiki", "@shikijs/rehype"],
};

export default nextConfig;
