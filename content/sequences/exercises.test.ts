/** This module's exercises rehearsed as content:check grades them (test/module-exercises.ts). */
import { rehearseModuleExercises } from "@/test/module-exercises";

await rehearseModuleExercises("sequences", ["bptt-scalar", "rnn-forward", "sample-with-temperature"]);
