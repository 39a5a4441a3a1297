/**
 * Reads a Layers model as tfjs saves it (model.save("downloads://name"), or
 * tfjs-converter's Keras output): model.json, whose weightsManifest names the
 * binary weight files, and those files. Checks everything that can be checked
 * without running TensorFlow.js, with errors that say what to upload instead;
 * loading the model (lib/serving/predictor.process.ts) checks the rest.
 */
import { z } from "zod";
import { formatBytes } from "@/lib/format-bytes";
import { SERVING_LIMITS } from "./limits";

export class ModelFileError extends Error {}

const WeightSpec = z.looseObject({
  name: z.string().min(1),
  shape: z.array(z.int().nonnegative()),
  dtype: z.enum(["float32", "int32", "bool"]),
  quantization: z.looseObject({ dtype: z.enum(["uint8", "uint16", "float16"]) }).optional(),
});
export type WeightSpec = z.infer<typeof WeightSpec>;

const ModelJson = z.looseObject({
  format: z.string().optional(),
  modelTopology: z.record(z.string(), z.unknown()),
  weightsManifest: z.array(z.looseObject({ paths: z.array(z.string().min(1)).min(1), weights: z.array(WeightSpec) })),
});

/** What the server stores and the predictor loads: tfjs's ModelArtifacts, minus what serving does not need. */
export type ModelArtifacts = { modelTopology: Record<string, unknown>; weightSpecs: WeightSpec[]; weightData: ArrayBuffer };

export type ReadModel = { artifacts: ModelArtifacts; parameters: number; bytes: number };

export type UploadedFile = { name: string; bytes: Uint8Array };

const BYTES_PER_VALUE = { float32: 4, int32: 4, bool: 1, uint8: 1, uint16: 2, float16: 2 } as const;

export function readModelFiles(modelJson: UploadedFile, weightFiles: UploadedFile[]): ReadModel {
  if (modelJson.bytes.byteLength > SERVING_LIMITS.modelJsonBytes) throw new ModelFileError(`${modelJson.name} is larger than ${formatBytes(SERVING_LIMITS.modelJsonBytes)}.`);
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(modelJson.bytes));
  } catch {
    throw new ModelFileError(`${modelJson.name} is not JSON. Upload the .json file that model.save("downloads://…") wrote.`);
  }
  const parsed = ModelJson.safeParse(json);
  if (!parsed.success) {
    const problem = parsed.error.issues[0];
    throw new ModelFileError(
      `${modelJson.name} is not a TensorFlow.js Layers model: ${problem?.path.join(".") || "the file"}: ${problem?.message}. Upload the .json file that model.save("downloads://…") wrote.`,
    );
  }
  const model = parsed.data;
  if (model.format === "graph-model") {
    throw new ModelFileError(`${modelJson.name} is a graph model (converted from a SavedModel). Descent serves Layers models: save yours with model.save().`);
  }

  const byName = new Map(weightFiles.map((file) => [baseName(file.name), file]));
  const parts: Uint8Array[] = [];
  const weightSpecs: WeightSpec[] = [];
  for (const group of model.weightsManifest) {
    const files = group.paths.map((p) => {
      const file = byName.get(baseName(p));
      if (!file) throw new ModelFileError(`${modelJson.name} keeps its weights in ${baseName(p)}; upload that file too.`);
      return file;
    });
    const groupBytes = files.reduce((sum, f) => sum + f.bytes.byteLength, 0);
    const expected = group.weights.reduce((sum, spec) => sum + specBytes(spec), 0);
    if (groupBytes !== expected) {
      throw new ModelFileError(
        `${files.map((f) => f.name).join(" + ")} hold ${groupBytes} bytes, but ${modelJson.name} describes ${expected} bytes of weights. Upload the weights saved with this model.json.`,
      );
    }
    parts.push(...files.map((f) => f.bytes));
    weightSpecs.push(...group.weights);
  }
  const bytes = parts.reduce((sum, p) => sum + p.byteLength, 0);
  if (bytes > SERVING_LIMITS.weightBytes) throw new ModelFileError(`The weights are ${formatBytes(bytes)}; a served model may have at most ${formatBytes(SERVING_LIMITS.weightBytes)}.`);

  const weightData = new Uint8Array(bytes);
  let offset = 0;
  for (const part of parts) {
    weightData.set(part, offset);
    offset += part.byteLength;
  }
  const parameters = weightSpecs.reduce((sum, spec) => sum + spec.shape.reduce((n, d) => n * d, 1), 0);
  return { artifacts: { modelTopology: model.modelTopology, weightSpecs, weightData: weightData.buffer }, parameters, bytes };
}

function specBytes(spec: WeightSpec): number {
  const values = spec.shape.reduce((n, d) => n * d, 1);
  return values * BYTES_PER_VALUE[spec.quantization?.dtype ?? spec.dtype];
}

/** "./digits.weights.bin" and "C:\fakepath\digits.weights.bin" both name digits.weights.bin. */
function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

