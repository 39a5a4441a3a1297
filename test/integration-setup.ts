import { buildProcesses } from "../scripts/build-processes";

/** The sandbox tests fork the real grader bundle, so build it first (a second or two with esbuild). */
export default async function setup() {
  await buildProcesses(process.cwd());
}
