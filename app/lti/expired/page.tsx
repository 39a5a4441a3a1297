import type { Metadata } from "next";

export const metadata: Metadata = { title: "Launch expired" };

/** Where an LMS launch's sign-in link leads once used or after its two minutes. */
export default function LaunchExpiredPage() {
  return (
    <main className="account-page">
      <h1>This launch link has expired</h1>
      <p>A link from your LMS signs you in once, within two minutes. Open the activity again from your course in the LMS.</p>
    </main>
  );
}
