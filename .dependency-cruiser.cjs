/**
 * The architecture, checked by `npm run lint` (depcruise): which area of lib/
 * may import which. Each area lists the areas below it; an import anywhere
 * else is an error, so no two areas can import each other. Besides the
 * table: no import cycle between any two files, nothing in lib/ imports app/
 * or components/, and browser code never imports server code.
 *
 * Reading order, bottom up: cell-runtime (code the browser kernel and the
 * grading sandbox both run), then the server's storage and processes, then
 * the course (content, exercises) and the features built on it.
 */
/** area → the areas it may import (besides itself). Top-level files of lib/ are areas too. */
const LAYERS = {
  "cell-runtime": [],
  "format-bytes.ts": [],
  "node-tf.ts": [],
  "kernel-placement.ts": [],
  "workload.ts": [],
  "env.ts": ["kernel-placement.ts"],
  api: [],
  "http-server": ["kernel-placement.ts"],
  metrics: [],
  "process-pool": [],
  jobs: ["env.ts"],
  assignments: [],
  kernel: ["cell-runtime", "format-bytes.ts", "kernel-placement.ts", "workload.ts"],
  editor: [],
  notebook: ["kernel", "kernel-placement.ts", "workload.ts", "editor", "cell-runtime", "api", "format-bytes.ts", /* types only, see below: */ "db", "exercises"],
  db: ["cell-runtime", "assignments", "env.ts"],
  auth: ["api", "db", "env.ts", "http-server", "metrics"],
  grading: ["cell-runtime", "process-pool", "node-tf.ts", "env.ts"],
  content: ["env.ts", "workload.ts"],
  exercises: ["content", "grading", "cell-runtime", "db", "api", "auth", "env.ts", "metrics", "jobs", "lti"],
  serving: ["api", "auth", "db", "process-pool", "node-tf.ts", "format-bytes.ts", "env.ts", "metrics", "jobs"],
  classes: ["api", "auth", "db"],
  lti: ["api", "auth", "db", "env.ts"],
  instructor: ["api", "assignments", "auth", "classes", "content", "db", "exercises", "lti", "env.ts"],
};

const escape = (name) => name.replace(/[.]/g, "\\.");
const areaPath = (name) => (name.endsWith(".ts") ? `^lib/${escape(name)}$` : `^lib/${name}/`);

const layerRules = Object.entries(LAYERS).map(([area, allowed]) => ({
  name: `lib-${area.replace(/\.ts$/, "")}-layer`,
  comment: `lib/${area} may import only ${allowed.length ? allowed.join(", ") : "itself"} (see LAYERS in .dependency-cruiser.cjs)`,
  severity: "error",
  from: { path: areaPath(area) },
  to: {
    path: "^lib/",
    pathNot: [areaPath(area), ...allowed.map(areaPath), "^lib/db/generated/"],
  },
}));

module.exports = {
  forbidden: [
    {
      name: "no-circular",
      comment: "An import cycle between files: split out what both need.",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    {
      name: "lib-not-to-app",
      comment: "lib/ is used by app/ and components/, never the reverse (tests may render components).",
      severity: "error",
      from: { path: "^lib/", pathNot: "\\.test\\.tsx?$" },
      to: { path: "^(app|components)/" },
    },
    {
      name: "browser-not-to-server",
      comment: "The notebook, kernel and editor run in the browser: they may use server modules' types, never their code.",
      severity: "error",
      from: { path: "^lib/(kernel|notebook|editor)/" },
      to: { path: "^lib/(db|auth|exercises|grading|serving|content|instructor|process-pool)/", dependencyTypesNot: ["type-only"] },
    },
    ...layerRules,
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^(node_modules|\\.next|lib/db/generated|public|\\.processes|\\.cache)/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default", "types"], extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".json"] },
  },
};
