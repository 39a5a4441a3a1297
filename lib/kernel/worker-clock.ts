/**
 * The kernel worker's first import, so it is evaluated before TensorFlow.js:
 * the moment the worker's scripts were fetched and parsed and began to run.
 * The kernel reports it with its other start-up times (protocol.ts).
 */
export const scriptsLoadedAt = performance.timeOrigin + performance.now();
