import { describe, expect, it } from "vitest";
import { holdsTicket, ticketCookie } from "./lti-ticket-binding";

describe("ticket binding", () => {
  it("is held only by a browser that sends back exactly that ticket", () => {
    const cookie = ticketCookie("abc_DEF-123", "launch").split(";")[0]!;
    expect(holdsTicket(cookie, "abc_DEF-123")).toBe(true);
    expect(holdsTicket(`other=1; ${cookie}; more=2`, "abc_DEF-123")).toBe(true);
    expect(holdsTicket(cookie, "abc_DEF-124")).toBe(false);
    expect(holdsTicket(cookie, "abc_DEF")).toBe(false);
    expect(holdsTicket("descent_lti_ticket=abc_DEF-123x", "abc_DEF-123")).toBe(false);
    expect(holdsTicket("xdescent_lti_ticket=abc_DEF-123", "abc_DEF-123")).toBe(false);
    expect(holdsTicket(undefined, "abc_DEF-123")).toBe(false);
    expect(holdsTicket("", "")).toBe(false);
  });

  it("is scoped to the sign-in endpoint, short-lived, and out of scripts' reach", () => {
    expect(ticketCookie("t", "launch")).toBe("descent_lti_ticket=t; Path=/api/auth/lti; Max-Age=120; HttpOnly; SameSite=None; Secure");
    expect(ticketCookie("t", "continue")).toBe("descent_lti_ticket=t; Path=/api/auth/lti; Max-Age=120; HttpOnly; SameSite=Lax");
  });
});
