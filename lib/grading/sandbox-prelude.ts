// tfjs-core finds its global object through `window` or `process`, and an
// isolate has neither. Imported before tfjs so it runs first.
(globalThis as { window?: unknown }).window = globalThis;
