import Link from "next/link";

export default function NotFound() {
  return (
    <main className="course-page">
      <h1>Page not found</h1>
      <p>
        There is no page at this address. <Link href="/">Go to the course</Link> to find the lesson you want.
      </p>
    </main>
  );
}
