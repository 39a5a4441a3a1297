import { describe, expect, it } from "vitest";
import { kernelFrameAncestors, kernelPlacement, sameSite, siteFrameSources } from "./kernel-placement";

describe("kernelPlacement", () => {
  const settings = { kernelPort: 3001 };

  it("puts the kernel of a loopback site on the other loopback name, on the kernel port", () => {
    expect(kernelPlacement("http://localhost:3000", settings)).toEqual({ kind: "origin", origin: "http://127.0.0.1:3001" });
    expect(kernelPlacement("http://127.0.0.1:3000", settings)).toEqual({ kind: "origin", origin: "http://localhost:3001" });
    expect(kernelPlacement("http://[::1]:3000", settings)).toEqual({ kind: "origin", origin: "http://localhost:3001" });
  });

  it("uses the configured origin wherever the site is reached", () => {
    const configured = { ...settings, configuredOrigin: "https://descent-kernel.example" };
    expect(kernelPlacement("https://descent.school.example", configured)).toEqual({ kind: "origin", origin: "https://descent-kernel.example" });
    expect(kernelPlacement("http://192.168.1.5:3000", configured)).toEqual({ kind: "origin", origin: "https://descent-kernel.example" });
  });

  it("falls back to the sandboxed frame, saying why, where no secure kernel origin exists", () => {
    const lan = kernelPlacement("http://192.168.1.5:3000", settings);
    expect(lan).toMatchObject({ kind: "sandbox" });
    expect(lan.kind === "sandbox" && lan.reason).toContain("plain http from 192.168.1.5:3000");
    expect(kernelPlacement("https://descent.school.example", settings)).toMatchObject({ kind: "sandbox", reason: expect.stringContaining("DESCENT_KERNEL_ORIGIN") });
  });
});

describe("kernelFrameAncestors", () => {
  it("lets only the other loopback name's site frame the kernel, and the public site", () => {
    expect(kernelFrameAncestors("127.0.0.1:3001", 3000, undefined)).toEqual(["http://localhost:3000"]);
    expect(kernelFrameAncestors("localhost:3001", 3000, undefined)).toEqual(["http://127.0.0.1:3000"]);
    expect(kernelFrameAncestors("descent-kernel.example", 3000, "https://descent.school.example/")).toEqual(["https://descent.school.example"]);
    expect(kernelFrameAncestors("evil.example", 3000, undefined)).toEqual([]);
    expect(kernelFrameAncestors("bad host", 3000, undefined)).toEqual([]);
    expect(kernelFrameAncestors(undefined, 3000, undefined)).toEqual([]);
  });
});

describe("siteFrameSources", () => {
  it("lets a site page frame itself (the fallback) and the kernel's origins only", () => {
    expect(siteFrameSources({ kernelPort: 3001 })).toEqual(["'self'", "http://localhost:3001", "http://127.0.0.1:3001"]);
    expect(siteFrameSources({ kernelPort: 3001, configuredOrigin: "https://descent-kernel.example" })).toEqual(["'self'", "https://descent-kernel.example"]);
  });
});

describe("sameSite", () => {
  it("compares registrable domains, as browsers do for cookies", () => {
    expect(sameSite("https://a.school.example", "https://b.school.example")).toBe(true);
    expect(sameSite("http://localhost:3000", "http://localhost:3001")).toBe(true);
    expect(sameSite("http://localhost:3000", "http://127.0.0.1:3001")).toBe(false);
    expect(sameSite("https://descent.example", "https://descent-kernel.example")).toBe(false);
  });
});
