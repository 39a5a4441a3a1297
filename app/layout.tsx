import type { Metadata, Viewport } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
// KaTeX's stylesheet and fonts are bundled and served from this site, never a CDN.
import "katex/dist/katex.min.css";
// One stylesheet per area of the site, in cascade order (system fonts only: nothing is downloaded).
import "./styles/base.css";
import "./styles/course.css";
import "./styles/prose.css";
import "./styles/notebook.css";
import "./styles/exercises.css";
import "./styles/accounts.css";
import "./styles/instructor.css";
import "./styles/models.css";

export const metadata: Metadata = {
  title: { default: "Descent: learn deep learning by running it", template: "%s · Descent" },
  description: "An interactive deep-learning course: read, then run TensorFlow.js on your own GPU.",
};

export const viewport: Viewport = {
  colorScheme: "light dark",
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#14161a" },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <Link href="/" className="brand">
            <span aria-hidden="true" className="brand-mark">
              ∇
            </span>
            Descent
          </Link>
          <nav aria-label="Account" className="site-account">
            <Link href="/assignments">Assignments</Link>
            <Link href="/models">Your models</Link>
            <Link href="/account">Your account</Link>
          </nav>
        </header>
        <div id="main" className="site-main">
          {children}
        </div>
      </body>
    </html>
  );
}
