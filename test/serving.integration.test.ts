/**
 * Serving learners' models, end to end below the browser: the real route
 * handlers, a migrated SQLite file, models loaded and run in real predictor
 * processes, and predictions compared with TensorFlow.js running the same
 * model here.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabase } from "@/test/databases";
import { workerWhenQueued } from "@/test/workers";
import { tf } from "@/lib/node-tf";
import { toModelJson } from "@/lib/kernel/model-json";
import { Browser, CLIENT_ADDRESS_HEADER, ORIGIN } from "./app-routes";

const database = testDatabase("serving");
process.env.DATABASE_URL = database.url;
process.env.DESCENT_SECRET = "a test secret that is long enough to sign cookies";
process.env.DESCENT_PREDICTORS = "1";
process.env.BETTER_AUTH_URL = ORIGIN;

type Files = { json: Record<string, unknown>; weights: Uint8Array<ArrayBuffer> };

/** A model saved as tfjs's downloads:// would save it. */
async function saved(model: tf.LayersModel): Promise<Files> {
  let files: Files | undefined;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      files = { json: toModelJson(artifacts as unknown as Record<string, unknown>, "model.weights.bin"), weights: new Uint8Array(artifacts.weightData as ArrayBuffer) };
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: "JSON" } };
    }),
  );
  return files!;
}

function form(name: string, files: Files, weightsName = "model.weights.bin"): FormData {
  const data = new FormData();
  data.set("name", name);
  data.set("model", new File([JSON.stringify(files.json)], "model.json", { type: "application/json" }));
  data.append("weights", new File([files.weights], weightsName));
  return data;
}

const classifier = () => {
  const model = tf.sequential({ layers: [tf.layers.dense({ inputShape: [4], units: 3, activation: "softmax" })] });
  return model;
};

let owner: Browser;
let stranger: Browser;
let model: tf.LayersModel;
let files: Files;
let modelId: string;
let key: string;
let keyId: string;
const outsider = new Browser();

const predict = (body: unknown, withKey: string | null = key, id = modelId) =>
  outsider.fetch("POST", `/api/models/${id}/predict`, body, withKey ? { authorization: `Bearer ${withKey}`, origin: "null" } : { origin: "null" });

workerWhenQueued(database);

beforeAll(async () => {
  await database.migrate();
  owner = new Browser();
  stranger = new Browser();
  model = classifier();
  files = await saved(model);
  const uploaded = await owner.fetch("POST", "/api/models", form("iris", files));
  expect(uploaded.status, uploaded.text).toBe(201);
  modelId = (uploaded.json() as { id: string }).id;
  const made = await owner.fetch("POST", `/api/models/${modelId}/keys`, { name: "notebook" });
  expect(made.status, made.text).toBe(201);
  ({ key, id: keyId } = made.json() as { key: string; id: string });
});

afterAll(async () => {
  const { closePredictors } = await import("@/lib/serving/predictor");
  const { db } = await import("@/lib/db/client");
  await closePredictors();
  await (await import("@/lib/jobs/connection")).closeJobQueue();
  await db().$disconnect();
  await database.remove();
});

describe("uploading", () => {
  it("reports the model's shapes and parameters, and lists it for its owner only", async () => {
    const listed = (await owner.fetch("GET", "/api/models")).json() as { models: Array<Record<string, unknown>> };
    expect(listed.models).toHaveLength(1);
    expect(listed.models[0]).toMatchObject({ name: "iris", inputShape: [null, 4], outputShape: [null, 3], parameters: 15, bytes: 60 });
    const keys = listed.models[0]!.keys as Array<Record<string, unknown>>;
    expect(keys[0]).toMatchObject({ name: "notebook", revokedAt: null });
    expect(JSON.stringify(listed)).not.toContain(key);
    expect(((await stranger.fetch("GET", "/api/models")).json() as { models: unknown[] }).models).toEqual([]);
  });

  it("refuses files that are not a model, with what to upload instead", async () => {
    const notJson = form("broken", files);
    notJson.set("model", new File(["<html>"], "model.json"));
    expect((await owner.fetch("POST", "/api/models", notJson)).json()).toEqual({ error: expect.stringContaining("model.json is not JSON") });

    const missing = await owner.fetch("POST", "/api/models", form("broken", files, "other.bin"));
    expect(missing.status).toBe(400);
    expect(missing.text).toContain("keeps its weights in model.weights.bin; upload that file too");

    const short = await owner.fetch("POST", "/api/models", form("broken", { ...files, weights: files.weights.slice(4) }));
    expect(short.status).toBe(400);
    expect(short.text).toContain("hold 56 bytes, but model.json describes 60 bytes");

    const graph = await owner.fetch("POST", "/api/models", form("broken", { ...files, json: { ...files.json, format: "graph-model" } }));
    expect(graph.text).toContain("graph model");

    const topology = structuredClone(files.json.modelTopology) as { config: { layers: Array<{ class_name: string }> } };
    topology.config.layers[0]!.class_name = "Teleport";
    const unknown = await owner.fetch("POST", "/api/models", form("broken", { ...files, json: { ...files.json, modelTopology: topology } }));
    expect(unknown.status).toBe(400);
    expect(unknown.json()).toEqual({ error: expect.stringMatching(/^TensorFlow.js could not load this model: .*Teleport/) });

    expect((await owner.fetch("POST", "/api/models", form("iris", files))).status).toBe(409);
    const badName = await owner.fetch("POST", "/api/models", form("<script>", files));
    expect(badName.text).toContain("name may use letters");
  });

  it("refuses a model whose layers are far larger than its weights, and keeps serving", async () => {
    const topology = structuredClone(files.json.modelTopology) as { config: { layers: Array<{ config: { units: number } }> } };
    topology.config.layers[0]!.config.units = 2_000_000_000;
    const huge = await owner.fetch("POST", "/api/models", form("huge", { ...files, json: { ...files.json, modelTopology: topology } }));
    expect(huge.status).toBe(400);
    expect(huge.text).toMatch(/could not (load|be loaded)/);
    expect((await predict({ instances: [[1, 2, 3, 4]] })).status).toBe(200);
  });

  it("refuses uploads from other sites", async () => {
    const response = await owner.fetch("POST", "/api/models", form("elsewhere", files), { origin: "https://evil.example" });
    expect(response.status).toBe(403);
  });
});

describe("predicting with a key", () => {
  it("answers like the model itself, to a client with no cookies, from any origin", async () => {
    const instances = [
      [1, 2, 3, 4],
      [-1, 0.5, 0, 2],
    ];
    const response = await predict({ instances });
    expect(response.status, response.text).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    const { predictions } = response.json() as { predictions: number[][] };
    const expected = (model.predict(tf.tensor2d(instances)) as tf.Tensor).arraySync() as number[][];
    predictions.forEach((row, i) => row.forEach((p, j) => expect(p).toBeCloseTo(expected[i]![j]!, 5)));
  });

  it("answers a CORS preflight", async () => {
    const response = await outsider.fetch("OPTIONS", `/api/models/${modelId}/predict`);
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-headers")).toContain("Authorization");
  });

  it("refuses missing and wrong keys with 401, and another model's key", async () => {
    const none = await predict({ instances: [[1, 2, 3, 4]] }, null);
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toContain("Bearer");
    expect((await predict({ instances: [[1, 2, 3, 4]] }, "dsk_guessed")).status).toBe(401);

    const other = await owner.fetch("POST", "/api/models", form("second", files));
    const otherId = (other.json() as { id: string }).id;
    expect((await predict({ instances: [[1, 2, 3, 4]] }, key, otherId)).status).toBe(401);
  });

  it("checks the input's shape and values before running anything", async () => {
    const wrong = await predict({ instances: [[1, 2, 3, 4], [1, 2, 3]] });
    expect(wrong.status).toBe(400);
    expect(wrong.json()).toEqual({ error: "instances[1] has shape [3]; this model takes [4] per instance (its input shape is [null, 4], the first dimension being the batch)." });
    expect((await predict({ instances: [[1, 2, "3", 4]] })).text).toContain('instances[0][2] is \\"3\\", not a finite number');
    expect((await predict({ instances: [] })).status).toBe(400);
    expect((await predict({ instances: Array.from({ length: 129 }, () => [1, 2, 3, 4]) })).text).toContain("At most 128 instances");
    expect((await predict({ inputs: [[1, 2, 3, 4]] })).status).toBe(400);
    expect((await predict("not json")).json()).toEqual({ error: "The request body must be JSON." });
    const tooBig = await predict(JSON.stringify({ instances: [[1, 2, 3, 4]], padding: "x".repeat(5 * 2 ** 20) }));
    expect(tooBig.status).toBe(413);
  });

  it("keeps other learners away from the model and its keys", async () => {
    expect((await stranger.fetch("POST", `/api/models/${modelId}/keys`, { name: "mine now" })).status).toBe(404);
    expect((await stranger.fetch("DELETE", `/api/models/${modelId}/keys/${keyId}`)).status).toBe(404);
    expect((await stranger.fetch("DELETE", `/api/models/${modelId}`)).status).toBe(404);
    expect((await predict({ instances: [[1, 2, 3, 4]] })).status).toBe(200);
  });

  it("limits requests per key, saying when to retry", async () => {
    const { db } = await import("@/lib/db/client");
    const limited = await owner.fetch("POST", `/api/models/${modelId}/keys`, { name: "busy client" });
    const busyKey = (limited.json() as { key: string }).key;
    const statuses: number[] = [];
    for (let i = 0; i < 121; i++) statuses.push((await predict({ instances: [[1, 2, 3, 4]] }, busyKey)).status);
    expect(statuses.slice(0, 120).every((s) => s === 200)).toBe(true);
    const refused = await predict({ instances: [[1, 2, 3, 4]] }, busyKey);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    // Other keys have their own allowance.
    expect((await predict({ instances: [[1, 2, 3, 4]] })).status).toBe(200);
    const row = await db().modelApiKey.findFirstOrThrow({ where: { name: "busy client" } });
    expect(row.lastUsedAt).not.toBeNull();
  });

  it("stops a revoked key at once, and deleting the model ends every key", async () => {
    const revoked = await owner.fetch("DELETE", `/api/models/${modelId}/keys/${keyId}`);
    expect(revoked.status).toBe(200);
    expect((revoked.json() as { revokedAt: string | null }).revokedAt).not.toBeNull();
    const refused = await predict({ instances: [[1, 2, 3, 4]] });
    expect(refused.status).toBe(401);
    expect(refused.text).toContain("revoked");

    const fresh = (await owner.fetch("POST", `/api/models/${modelId}/keys`, { name: "after" })).json() as { key: string };
    expect((await predict({ instances: [[1, 2, 3, 4]] }, fresh.key)).status).toBe(200);
    expect((await owner.fetch("DELETE", `/api/models/${modelId}`)).status).toBe(204);
    expect((await predict({ instances: [[1, 2, 3, 4]] }, fresh.key)).status).toBe(401);
  });
});

describe("accounts", () => {
  it("keeps an anonymous learner's models, and their keys, when they sign in", async () => {
    const PASSWORD = "correct horse battery";
    const account = new Browser();
    const signUp = await account.fetch("POST", "/api/auth/sign-up/email", { email: "server@school.example", password: PASSWORD, name: "server" });
    expect(signUp.status, signUp.text).toBe(200);
    expect((await account.fetch("POST", "/api/models", form("digits", files))).status).toBe(201);

    const laptop = new Browser();
    const anonymous = (await laptop.fetch("POST", "/api/models", form("digits", files))).json() as { id: string };
    const laptopKey = ((await laptop.fetch("POST", `/api/models/${anonymous.id}/keys`, { name: "app" })).json() as { key: string }).key;
    const signIn = await laptop.fetch("POST", "/api/auth/sign-in/email", { email: "server@school.example", password: PASSWORD }, { [CLIENT_ADDRESS_HEADER]: "203.0.113.40" });
    expect(signIn.status, signIn.text).toBe(200);

    const listed = ((await account.fetch("GET", "/api/models")).json() as { models: Array<{ name: string }> }).models.map((m) => m.name);
    expect(listed.sort()).toEqual(["digits", "digits (2)"]);
    expect((await predict({ instances: [[1, 2, 3, 4]] }, laptopKey, anonymous.id)).status).toBe(200);
  });
});

describe("bounded outputs", () => {
  const learner = new Browser();
  const keyFor = async (id: string) => ((await learner.fetch("POST", `/api/models/${id}/keys`, { name: "bounds" })).json() as { key: string }).key;
  const upload = (name: string, saved: Files) => learner.fetch("POST", "/api/models", form(name, saved));

  it("refuses at upload a tiny model whose output is huge, naming its shape, its size and the cap", async () => {
    // 500 parameters, a million numbers per instance.
    const repeat = tf.sequential({ layers: [tf.layers.dense({ inputShape: [4], units: 100 }), tf.layers.repeatVector({ n: 10_000 })] });
    const refused = await upload("repeat", await saved(repeat));
    expect(refused.status).toBe(400);
    expect(refused.json()).toEqual({
      error:
        "This model answers 1,000,000 numbers per instance (its output shape is [null, 10000, 100]); a served model may answer at most 100,000. Make its output smaller (fewer units, a smaller repeatVector or upSampling) and upload it again.",
    });
    expect(((await learner.fetch("GET", "/api/models")).json() as { models: unknown[] }).models).toEqual([]);
  });

  it("refuses a batch too large to answer before running it, when the output shape is known", async () => {
    const wide = tf.sequential({ layers: [tf.layers.dense({ inputShape: [4], units: 20_000 })] });
    const uploaded = await upload("wide", await saved(wide));
    expect(uploaded.status, uploaded.text).toBe(201);
    const id = (uploaded.json() as { id: string }).id;
    const wideKey = await keyFor(id);
    const refused = await predict({ instances: Array.from({ length: 51 }, () => [1, 2, 3, 4]) }, wideKey, id);
    expect(refused.status).toBe(422);
    expect(refused.json()).toEqual({ error: "51 instances make 1,020,000 output numbers (20,000 each); a response may hold at most 1,000,000. Send at most 50 instances per request." });
    const fits = await predict({ instances: [[1, 2, 3, 4]] }, wideKey, id);
    expect(fits.status).toBe(200);
    expect((fits.json() as { predictions: number[][] }).predictions[0]).toHaveLength(20_000);
    expect((await learner.fetch("DELETE", `/api/models/${id}`)).status).toBe(204);
  });

  it("refuses an output that is only huge at run time before its values are read, and the model still answers small inputs", async () => {
    // Dense on a sequence of any length: [null, null, 1000] passes the upload check; 200 steps make 200,000 numbers.
    const perStep = tf.sequential({ layers: [tf.layers.dense({ inputShape: [null, 1], units: 1000 })] });
    const perStepFiles = await saved(perStep);
    const uploaded = await upload("per step", perStepFiles);
    expect(uploaded.status, uploaded.text).toBe(201);
    expect(uploaded.json()).toMatchObject({ outputShape: [null, null, 1000] });
    const id = (uploaded.json() as { id: string }).id;
    const stepKey = await keyFor(id);
    const steps = (n: number) => Array.from({ length: n }, (_, i) => [i / n]);

    const long = await predict({ instances: [steps(200)] }, stepKey, id);
    expect(long.status).toBe(422);
    expect(long.json()).toEqual({
      error: "For this input the model answers 200,000 numbers per instance (output shape [1, 200, 1000]); a served model may answer at most 100,000. Send smaller instances.",
    });
    const many = await predict({ instances: Array.from({ length: 30 }, () => steps(50)) }, stepKey, id);
    expect(many.status).toBe(422);
    expect(many.text).toContain("Send at most 20 instances per request.");

    // The predictor itself answers with the shape alone: the values never left it.
    const { predict: runInPredictor } = await import("@/lib/serving/predictor");
    const { readModelFiles } = await import("@/lib/serving/model-files");
    const { artifacts } = readModelFiles({ name: "model.json", bytes: new TextEncoder().encode(JSON.stringify(perStepFiles.json)) }, [
      { name: "model.weights.bin", bytes: perStepFiles.weights },
    ]);
    const direct = await runInPredictor("direct", { data: new Float32Array(200), shape: [1, 200, 1] }, async () => artifacts);
    expect(direct).toEqual({ type: "too-large", outputShape: [1, 200, 1000] });

    const short = [steps(3), steps(3).reverse()];
    const answered = await predict({ instances: short }, stepKey, id);
    expect(answered.status, answered.text).toBe(200);
    const expected = (perStep.predict(tf.tensor3d(short)) as tf.Tensor).arraySync() as number[][][];
    const { predictions } = answered.json() as { predictions: number[][][] };
    expect(predictions).toHaveLength(2);
    predictions.forEach((instance, i) => instance.forEach((step, t) => step.forEach((p, j) => expect(p).toBeCloseTo(expected[i]![t]![j]!, 5))));
  });

  it("still serves an ordinary model after the refusals", async () => {
    const uploaded = await upload("ordinary", files);
    expect(uploaded.status, uploaded.text).toBe(201);
    const id = (uploaded.json() as { id: string }).id;
    const instances = [[0.5, -1, 2, 0]];
    const response = await predict({ instances }, await keyFor(id), id);
    expect(response.status, response.text).toBe(200);
    const expected = (model.predict(tf.tensor2d(instances)) as tf.Tensor).arraySync() as number[][];
    const { predictions } = response.json() as { predictions: number[][] };
    predictions[0]!.forEach((p, j) => expect(p).toBeCloseTo(expected[0]![j]!, 5));
  });
});
