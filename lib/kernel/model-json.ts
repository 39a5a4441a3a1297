/**
 * model.json as tfjs's `downloads://` handler writes it, with every weight in
 * one file named `weightsFile`. Used by the kernel (downloads://) and by
 * tests; kept apart from lib/serving/model-files.ts so the kernel bundle does not pull in
 * zod (458 KB of the worker script when it did).
 */
export function toModelJson(artifacts: { modelTopology?: unknown; weightSpecs?: unknown[] } & Record<string, unknown>, weightsFile: string): Record<string, unknown> {
  const json: Record<string, unknown> = { ...artifacts, weightsManifest: [{ paths: [`./${weightsFile}`], weights: artifacts.weightSpecs ?? [] }] };
  // The weights go in their own file; the specs now live in the manifest.
  delete json.weightData;
  delete json.weightSpecs;
  return json;
}
