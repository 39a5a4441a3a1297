/** This module's exercises rehearsed as content:check grades them (test/module-exercises.ts). */
import { rehearseModuleExercises } from "@/test/module-exercises";

await rehearseModuleExercises("small-gpt", ["gpt-param-count", "layer-norm", "sample-top-k", "transformer-block"]);
