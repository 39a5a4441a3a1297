/** What one learner may serve, and what one prediction request may ask. Shown to learners on /models and in errors. */
export const SERVING_LIMITS = {
  /** model.json, in bytes. */
  modelJsonBytes: 2 * 2 ** 20,
  /** All of a model's weight files together, in bytes (4 million float32 parameters). */
  weightBytes: 16 * 2 ** 20,
  modelsPerLearner: 10,
  keysPerModel: 10,
  /** Instances in one prediction request. */
  batch: 128,
  /** A prediction request's body, in bytes. */
  requestBytes: 4 * 2 ** 20,
  /** Prediction requests per key per minute. */
  requestsPerKeyPerMinute: 120,
  /** Model uploads per client address per hour. */
  uploadsPerHour: 30,
  /**
   * Numbers in one instance's output. The weight cap does not bound a model's
   * output: a 500-parameter model ending in repeatVector({n: 10000}) answers a
   * million numbers per instance. 100,000 is far above anything the course
   * trains (a 784-pixel MNIST reconstruction, a 10,000-class softmax, even a
   * 128×128 RGB image is 49,152) and keeps one instance's JSON under ~2 MB.
   */
  outputValuesPerInstance: 100_000,
  /**
   * Numbers in one prediction response, all instances together. Each becomes
   * up to ~20 bytes of JSON (a float32 printed as a double, e.g.
   * 0.10000000149011612) built in the web server, so this bounds a response
   * to ~20 MB. Ten times the per-instance cap: every servable model can
   * answer at least 10 instances per request.
   */
  outputValuesPerResponse: 1_000_000,
  /** How long one prediction or model load may run, in ms. */
  predictionMs: 10_000,
} as const;

/** A whole upload request: model.json and its weights, with room for the multipart framing (the route checks each part's size). */
export const MAX_UPLOAD_BYTES = SERVING_LIMITS.modelJsonBytes + SERVING_LIMITS.weightBytes + 64 * 1024;
