/** What the models API returns and the models page shows (no weights, no key hashes). */
import type { Shape } from "./predictor-protocol";

export type ApiKeyView = { id: string; name: string; prefix: string; createdAt: string; lastUsedAt: string | null; revokedAt: string | null };

export type ServedModelView = {
  id: string;
  name: string;
  createdAt: string;
  bytes: number;
  parameters: number;
  inputShape: Shape;
  outputShape: Shape;
  keys: ApiKeyView[];
};

/** A new key: the only time the key itself is shown. */
export type NewApiKey = ApiKeyView & { key: string };

/** The predict endpoint of a model, relative to the site. */
export const predictPath = (modelId: string) => `/api/models/${modelId}/predict`;
