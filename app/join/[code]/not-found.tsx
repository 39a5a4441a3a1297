import Link from "next/link";
import { NO_SUCH_CODE } from "@/lib/classes/join";

/** A join link whose code is wrong, changed or closed: a 404 that says what to do. */
export default function NoSuchJoinCode() {
  return (
    <main className="account-page">
      <h1>This join link does not open a class</h1>
      <p>{NO_SUCH_CODE}</p>
      <p>
        <Link href="/join">Type a join code</Link>
      </p>
    </main>
  );
}
