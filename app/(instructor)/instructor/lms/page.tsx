import type { Metadata } from "next";
import { headers } from "next/headers";
import { PlatformForm } from "@/components/instructor/platform-form";
import { ReportTable } from "@/components/instructor/report-table";
import { mayCreateClasses } from "@/lib/auth/require-instructor";
import { db } from "@/lib/db/client";
import { requireInstructorPage } from "@/lib/instructor/access";
import { listPlatforms, toolUrls } from "@/lib/lti/platforms";
import { registrationUrl } from "@/lib/lti/registration";
import { siteOriginOf } from "@/lib/lti/site";

export const metadata: Metadata = { title: "Using Descent from an LMS" };

/** What an LMS administrator needs to add Descent (LTI 1.3), and the LMSs already registered. */
export default async function LmsPage() {
  const user = await requireInstructorPage();
  const origin = siteOriginOf(await headers()) ?? "";
  const urls = toolUrls(origin);
  const platforms = await listPlatforms(db());
  const canRegister = mayCreateClasses(user);
  return (
    <>
      <h1>Using Descent from an LMS</h1>
      <p>
        Canvas, Moodle and other LMSs launch Descent with LTI 1.3: a course there becomes a class here, its instructors and students come with their roles, and
        grades go back to the LMS&apos;s gradebook.
      </p>
      <section aria-labelledby="tool-values">
        <h2 id="tool-values">Descent&apos;s values, to paste into the LMS</h2>
        <dl className="lms-values">
          <dt>Login (initiation) URL</dt>
          <dd data-testid="lti-login-url">{urls.login}</dd>
          <dt>Redirect URL and target link URL</dt>
          <dd>{urls.launch}</dd>
          <dt>Deep linking URL</dt>
          <dd>{urls.deepLink}</dd>
          <dt>Public keys (JWKS) URL</dt>
          <dd>{urls.jwks}</dd>
          {canRegister && (
            <>
              <dt>Dynamic registration URL (valid 7 days; Moodle and others can register Descent from it alone)</dt>
              <dd data-testid="lti-registration-url">{registrationUrl(origin)}</dd>
            </>
          )}
        </dl>
      </section>
      <section aria-labelledby="platforms">
        <h2 id="platforms">Registered LMSs</h2>
        {platforms.length === 0 ? (
          <p>None yet.</p>
        ) : (
          <ReportTable label="Registered LMSs" caption="Launches are accepted from these issuers and client ids, and their deployments only.">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Issuer</th>
                <th scope="col">Client id</th>
                <th scope="col">Deployments</th>
              </tr>
            </thead>
            <tbody>
              {platforms.map((p) => (
                <tr key={p.id}>
                  <th scope="row">{p.name || "–"}</th>
                  <td>{p.issuer}</td>
                  <td>{p.clientId}</td>
                  <td>{p.deploymentIds.join(", ") || "learned at the first launch"}</td>
                </tr>
              ))}
            </tbody>
          </ReportTable>
        )}
      </section>
      {canRegister && (
        <section aria-labelledby="register-by-hand">
          <h2 id="register-by-hand">Register an LMS by hand</h2>
          <p>Use the values the LMS shows once Descent is added there as an LTI 1.3 tool (a developer key in Canvas, an external tool in Moodle).</p>
          <PlatformForm />
        </section>
      )}
    </>
  );
}
