import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypeScript from "eslint-config-next/typescript";
import { defineConfig, globalIgnores } from "eslint/config";

export default defineConfig([
  ...nextVitals,
  ...nextTypeScript,
  {
    // Playwright fixtures receive a `use` callback that the React hooks rule mistakes for React's `use`.
    files: ["e2e/**/*.ts"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  // Exercise code is learner-style scripts (starter code has unused parameters on purpose); content:check runs it in the sandbox.
  globalIgnores(["content/*/exercises/**", ".processes/**", ".next/**", "node_modules/**", "public/kernel/**", "public/monaco/**", "public/tfjs/**", "next-env.d.ts", "test-results/**", "playwright-report/**"]),
]);
