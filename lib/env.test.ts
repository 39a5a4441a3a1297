import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env";

describe("parseEnv", () => {
  it("gives the one-machine defaults for an empty environment", () => {
    expect(parseEnv({})).toMatchObject({
      DATABASE_URL: "file:./data/descent.db",
      DESCENT_TRUSTED_PROXIES: [],
      DESCENT_SANDBOX_MEMORY_MB: 128,
      DESCENT_GRADER_RSS_MB: 512,
      DESCENT_PREDICTOR_RSS_MB: 768,
      DESCENT_GRADING_QUEUE: 200,
      PORT: 3000,
    });
    expect(parseEnv({ DATABASE_URL: "" }).DATABASE_URL).toBe("file:./data/descent.db");
  });

  it("reads numbers and proxy lists", () => {
    const env = parseEnv({ DESCENT_GRADERS: "4", DESCENT_TRUSTED_PROXIES: " 10.0.0.0/8, 192.168.1.5 ,fd00::/8" });
    expect(env.DESCENT_GRADERS).toBe(4);
    expect(env.DESCENT_TRUSTED_PROXIES).toEqual(["10.0.0.0/8", "192.168.1.5", "fd00::/8"]);
  });

  it.each([
    ["DESCENT_GRADERS", "lots", "must be a whole number from 1 to 64"],
    ["DESCENT_GRADERS", "0", "must be at least 1"],
    ["DESCENT_SANDBOX_MEMORY_MB", "12.5", "must be a whole number from 32 to 4096"],
    ["DESCENT_TRUSTED_PROXIES", "10.0.0.0/33", "must be IP addresses or CIDR blocks"],
    ["DESCENT_TRUSTED_PROXIES", "proxy.school.example", "must be IP addresses or CIDR blocks"],
    ["DESCENT_SECRET", "short", "must be at least 32 characters"],
    ["DATABASE_URL", "mysql://localhost/descent", "must be a SQLite file URL such as file:./data/descent.db, or a PostgreSQL URL"],
    ["BETTER_AUTH_URL", "descent.school", "must be the site's public URL"],
    ["DESCENT_KERNEL_ORIGIN", "https://kernel.example/frames", "must be an origin such as https://descent-kernel.example, with no path"],
    ["DESCENT_KERNEL_ORIGIN", "https://kernel.example", "needs BETTER_AUTH_URL, the site's public URL, set too"],
  ])("refuses %s=%s, naming the variable and what it must be", (name, value, expected) => {
    const parse = () => parseEnv({ [name]: value });
    expect(parse).toThrow(EnvError);
    expect(parse).toThrow(`${name}=${JSON.stringify(value)} ${expected}`);
  });

  it("takes a kernel origin on another site than the site's, and refuses one that shares its cookies", () => {
    const site = { BETTER_AUTH_URL: "https://descent.school.example" };
    expect(parseEnv({ ...site, DESCENT_KERNEL_ORIGIN: "https://descent-kernel.example" }).DESCENT_KERNEL_ORIGIN).toBe("https://descent-kernel.example");
    for (const shared of ["https://kernel.school.example", "https://descent.school.example:8443"]) {
      expect(() => parseEnv({ ...site, DESCENT_KERNEL_ORIGIN: shared })).toThrow("must be on another registrable domain than BETTER_AUTH_URL");
    }
    // github.io is a public suffix: two of its subdomains are two sites.
    expect(() => parseEnv({ BETTER_AUTH_URL: "https://a.github.io", DESCENT_KERNEL_ORIGIN: "https://b.github.io" })).not.toThrow();
  });
});
