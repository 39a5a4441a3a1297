import type { Metadata } from "next";
import { headers } from "next/headers";
import { ModelsConsole } from "@/components/models/models-console";
import { currentLearnerId } from "@/lib/auth/current-learner";
import { formatBytes } from "@/lib/format-bytes";
import { SERVING_LIMITS } from "@/lib/serving/limits";
import { listModels } from "@/lib/serving/service";

export const metadata: Metadata = { title: "Your models" };

/** The learner's model service: upload a saved model, make and revoke its API keys, see how to call it. */
export default async function ModelsPage() {
  const learnerId = await currentLearnerId({ headers: await headers() });
  const models = learnerId ? await listModels(learnerId) : [];
  return (
    <main className="report-page models-page">
      <h1>Your models</h1>
      <p>
        Serve a model you trained in a lesson: upload the two files that <code>model.save(&quot;downloads://name&quot;)</code> gave you, create an API key, and
        any program can ask the model for predictions, the notebook included. Keys are the only way in: whoever holds one can use the model, so keep it out of
        shared code, and revoke it if it leaks.
      </p>
      <p className="output-caption">
        Up to {SERVING_LIMITS.modelsPerLearner} models of at most {formatBytes(SERVING_LIMITS.weightBytes)} of weights each; {SERVING_LIMITS.requestsPerKeyPerMinute}{" "}
        requests a minute per key, {SERVING_LIMITS.batch} instances per request; a model may answer at most{" "}
        {SERVING_LIMITS.outputValuesPerInstance.toLocaleString("en")} numbers per instance and {SERVING_LIMITS.outputValuesPerResponse.toLocaleString("en")} per
        request. Models run on the server&apos;s CPU.
      </p>
      <ModelsConsole initialModels={models} />
    </main>
  );
}
