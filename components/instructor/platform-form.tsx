"use client";

import { useState, type FormEvent } from "react";
import { useApiCall } from "@/components/use-api-call";

const FIELDS = [
  { name: "name", label: "Name (for you)", required: false },
  { name: "issuer", label: "Issuer (platform ID)", required: true },
  { name: "clientId", label: "Client ID", required: true },
  { name: "deploymentIds", label: "Deployment ID", required: false },
  { name: "authorizationEndpoint", label: "Authorization (OIDC auth) URL", required: true },
  { name: "tokenEndpoint", label: "Access token URL", required: true },
  { name: "jwksUri", label: "Public keyset (JWKS) URL", required: true },
] as const;

/** Registers an LMS with the values it shows for Descent; the server checks each one and names any that is wrong. */
export function PlatformForm() {
  const { call, busy, alert } = useApiCall();
  // What the server did: registered, or (for an LMS it knew) added deployments and left its endpoints alone.
  const [outcome, setOutcome] = useState<string>();
  const register = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setOutcome(undefined);
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const value = (name: string) => String(form.get(name) ?? "").trim();
    const body = Object.fromEntries(FIELDS.map(({ name }) => [name, name === "deploymentIds" ? (value(name) ? [value(name)] : []) : value(name)]));
    void call<{ note?: string }>("/api/instructor/lti/platforms", { method: "POST", json: body }, ({ note }) => {
      setOutcome(note ?? `Registered ${value("name") || value("issuer")}.`);
      formElement.reset();
    });
  };
  return (
    <form className="account-form" onSubmit={register}>
      {alert}
      <p role="status">{outcome}</p>
      {FIELDS.map(({ name, label, required }) => (
        <label key={name}>
          {label} <input name={name} required={required} maxLength={500} autoComplete="off" />
        </label>
      ))}
      <button type="submit" disabled={busy}>
        Register LMS
      </button>
    </form>
  );
}
