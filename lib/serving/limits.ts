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
  /** How long one prediction or model load may run, in ms. */
  predictionMs: 10_000,
} as const;
