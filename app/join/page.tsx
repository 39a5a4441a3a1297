import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { normalizeJoinCode } from "@/lib/db/classes";

export const metadata: Metadata = { title: "Join a class" };

/** Type the code your instructor gave; it leads to the class's join page. */
export default async function JoinWithCodePage({ searchParams }: { searchParams: Promise<{ code?: string }> }) {
  const typed = (await searchParams).code ?? "";
  const code = normalizeJoinCode(typed);
  if (code) redirect(`/join/${code}`);
  return (
    <main className="account-page">
      <h1>Join a class</h1>
      {typed && (
        <p role="alert" className="account-error">
          A join code has 8 letters and digits, like K7PM-QX3R. Check the one your instructor gave.
        </p>
      )}
      <form className="account-form" action="/join">
        <label>
          Join code <input name="code" required maxLength={40} autoComplete="off" autoCapitalize="characters" defaultValue={typed} />
        </label>
        <button type="submit">Continue</button>
      </form>
    </main>
  );
}
