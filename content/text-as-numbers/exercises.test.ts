/** This module's exercises rehearsed as content:check grades them (test/module-exercises.ts). */
import { rehearseModuleExercises } from "@/test/module-exercises";

await rehearseModuleExercises("text-as-numbers", ["bpe-merge", "perplexity-from-logits", "skip-gram-loss"]);
