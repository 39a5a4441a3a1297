"use client";

import { useState, type FormEvent } from "react";
import { LocalTime } from "@/components/local-time";
import { fetchJson } from "@/lib/api/fetch-json";
import { formatBytes } from "@/lib/format-bytes";
import { predictPath, type ApiKeyView, type NewApiKey, type ServedModelView } from "@/lib/serving/views";

const shape = (dims: Array<number | null>) => `[${dims.map((d) => d ?? "batch").join(", ")}]`;

export function ModelsConsole({ initialModels }: { initialModels: ServedModelView[] }) {
  const [models, setModels] = useState(initialModels);
  const replace = (model: ServedModelView) => setModels((all) => all.map((m) => (m.id === model.id ? model : m)));
  return (
    <>
      <UploadForm onUploaded={(model) => setModels((all) => [model, ...all])} />
      <h2>Served models</h2>
      {models.length === 0 && <p>You serve no models yet.</p>}
      {models.map((model) => (
        <ModelCard key={model.id} model={model} onChange={replace} onDeleted={() => setModels((all) => all.filter((m) => m.id !== model.id))} />
      ))}
    </>
  );
}

function UploadForm({ onUploaded }: { onUploaded: (model: ServedModelView) => void }) {
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    setBusy(true);
    setError(undefined);
    try {
      onUploaded(await fetchJson<ServedModelView>("/api/models", { method: "POST", body: new FormData(form) }));
      form.reset();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }
  return (
    <form className="models-upload" onSubmit={submit} aria-labelledby="upload-heading">
      <h2 id="upload-heading">Upload a model</h2>
      <label>
        Name
        <input name="name" required maxLength={60} pattern="[\p{L}\p{N} ._\-]+" placeholder="digits-cnn" />
      </label>
      <label>
        Topology (the .json file)
        <input name="model" type="file" accept=".json,application/json" required />
      </label>
      <label>
        Weights (the .bin file; several if the model was saved in shards)
        <input name="weights" type="file" accept=".bin" multiple required />
      </label>
      <button type="submit" disabled={busy}>
        {busy ? "Uploading and checking…" : "Upload and serve"}
      </button>
      {error && (
        <p role="alert" className="account-error">
          {error}
        </p>
      )}
    </form>
  );
}

function ModelCard({ model, onChange, onDeleted }: { model: ServedModelView; onChange: (model: ServedModelView) => void; onDeleted: () => void }) {
  const [newKey, setNewKey] = useState<NewApiKey>();
  const [error, setError] = useState<string>();
  const endpoint = typeof window === "undefined" ? predictPath(model.id) : new URL(predictPath(model.id), window.location.origin).href;
  const headingId = `model-${model.id}`;

  async function act(action: () => Promise<void>) {
    setError(undefined);
    try {
      await action();
    } catch (e) {
      setError((e as Error).message);
    }
  }
  const createKey = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const name = String(new FormData(form).get("name") ?? "");
    return act(async () => {
      const key = await fetchJson<NewApiKey>(`/api/models/${model.id}/keys`, { method: "POST", json: { name } });
      setNewKey(key);
      const view: ApiKeyView = { id: key.id, name: key.name, prefix: key.prefix, createdAt: key.createdAt, lastUsedAt: key.lastUsedAt, revokedAt: key.revokedAt };
      onChange({ ...model, keys: [...model.keys, view] });
      form.reset();
    });
  };
  const revoke = (key: ApiKeyView) =>
    act(async () => {
      const revoked = await fetchJson<ApiKeyView>(`/api/models/${model.id}/keys/${key.id}`, { method: "DELETE" });
      onChange({ ...model, keys: model.keys.map((k) => (k.id === revoked.id ? revoked : k)) });
    });
  const remove = () =>
    act(async () => {
      if (!window.confirm(`Stop serving "${model.name}"? Its keys stop working at once.`)) return;
      await fetchJson(`/api/models/${model.id}`, { method: "DELETE" });
      onDeleted();
    });

  return (
    <section className="served-model" aria-labelledby={headingId} data-testid="served-model">
      <h3 id={headingId}>{model.name}</h3>
      <dl className="model-facts">
        <dt>Input</dt>
        <dd>{shape(model.inputShape)}</dd>
        <dt>Output</dt>
        <dd>{shape(model.outputShape)}</dd>
        <dt>Parameters</dt>
        <dd>{model.parameters.toLocaleString("en")}</dd>
        <dt>Weights</dt>
        <dd>{formatBytes(model.bytes)}</dd>
        <dt>Uploaded</dt>
        <dd>
          <LocalTime iso={model.createdAt} />
        </dd>
        <dt>Endpoint</dt>
        <dd>
          <code data-testid="endpoint">{endpoint}</code>
        </dd>
      </dl>

      <h4>API keys</h4>
      {model.keys.length === 0 ? (
        <p>No keys yet: nobody can call this model until you create one.</p>
      ) : (
        <div className="table-scroll" tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Key</th>
                <th scope="col">Created</th>
                <th scope="col">Last used</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {model.keys.map((key) => (
                <tr key={key.id}>
                  <td>{key.name}</td>
                  <td>
                    <code>{key.prefix}…</code>
                  </td>
                  <td>
                    <LocalTime iso={key.createdAt} />
                  </td>
                  <td>{key.lastUsedAt ? <LocalTime iso={key.lastUsedAt} /> : "never"}</td>
                  <td>
                    {key.revokedAt ? (
                      <>
                        revoked <LocalTime iso={key.revokedAt} />
                      </>
                    ) : (
                      <button type="button" onClick={() => revoke(key)} aria-label={`Revoke key ${key.name}`}>
                        Revoke
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {newKey && (
        <div className="new-key" role="status">
          <p>
            <strong>Copy this key now: it will not be shown again.</strong>
          </p>
          <label>
            Key “{newKey.name}”
            <input readOnly value={newKey.key} data-testid="new-key" onFocus={(event) => event.currentTarget.select()} />
          </label>
          <button type="button" onClick={() => void navigator.clipboard?.writeText(newKey.key)}>
            Copy
          </button>
        </div>
      )}
      <form className="key-form" onSubmit={createKey}>
        <label>
          Key name
          <input name="name" required maxLength={60} placeholder="notebook" />
        </label>
        <button type="submit">Create key</button>
      </form>

      <details>
        <summary>Calling the model</summary>
        <p>From a notebook cell or any JavaScript:</p>
        <pre>{`const response = await fetch("${endpoint}", {
  method: "POST",
  headers: { Authorization: "Bearer YOUR_KEY", "Content-Type": "application/json" },
  body: JSON.stringify({ instances: [/* one input of shape ${shape(model.inputShape.slice(1))} per instance */] }),
});
const { predictions } = await response.json();`}</pre>
        <p>From a terminal:</p>
        <pre>{`curl -X POST "${endpoint}" \\
  -H "Authorization: Bearer YOUR_KEY" -H "Content-Type: application/json" \\
  -d '{"instances": [...]}'`}</pre>
      </details>

      <button type="button" className="danger-button" onClick={remove}>
        Stop serving and delete
      </button>
      {error && (
        <p role="alert" className="account-error">
          {error}
        </p>
      )}
    </section>
  );
}
