"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { authClient } from "@/lib/auth/auth-client";

/** Sign up or sign in. The server answers the same "wrong email or password" whether or not the email exists. */
export function AccountForms() {
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = (kind: "sign-up" | "sign-in") => async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "");
    const password = String(form.get("password") ?? "");
    setBusy(true);
    setError(undefined);
    const result =
      kind === "sign-up"
        ? await authClient.signUp.email({ email, password, name: String(form.get("name") ?? "") || email.split("@")[0]! })
        : await authClient.signIn.email({ email, password });
    setBusy(false);
    if (result.error) {
      setError(result.error.status === 429 ? "Too many attempts: wait a minute and try again." : (result.error.message ?? "That did not work; please try again."));
      return;
    }
    router.refresh();
  };

  return (
    <>
      <div role="alert" className="account-error">
        {error}
      </div>
      <section aria-labelledby="sign-in-heading">
        <h2 id="sign-in-heading">Sign in</h2>
        <form className="account-form" onSubmit={submit("sign-in")}>
          <label>
            Email
            <input name="email" type="email" autoComplete="email" required maxLength={254} />
          </label>
          <label>
            Password
            <input name="password" type="password" autoComplete="current-password" required maxLength={128} />
          </label>
          <button type="submit" disabled={busy}>
            Sign in
          </button>
        </form>
      </section>
      <section aria-labelledby="sign-up-heading">
        <h2 id="sign-up-heading">Create an account</h2>
        <p>Your progress so far in this browser comes with you.</p>
        <form className="account-form" onSubmit={submit("sign-up")}>
          <label>
            Name
            <input name="name" autoComplete="name" maxLength={100} />
          </label>
          <label>
            Email
            <input name="email" type="email" autoComplete="email" required maxLength={254} />
          </label>
          <label>
            Password (at least 8 characters)
            <input name="password" type="password" autoComplete="new-password" required minLength={8} maxLength={128} />
          </label>
          <button type="submit" disabled={busy}>
            Create account
          </button>
        </form>
      </section>
    </>
  );
}

export function SignOutButton() {
  const router = useRouter();
  return (
    <button
      type="button"
      onClick={async () => {
        await authClient.signOut();
        router.refresh();
      }}
    >
      Sign out
    </button>
  );
}
