import { buildGrader } from "../scripts/build-grader";

/** The sandbox tests fork the real grader bundle, so build it first (a second or two with esbuild). */
export default async function setup() {
  await buildGrader(process.cwd());
}
