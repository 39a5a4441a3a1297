import { describe, expect, it } from "vitest";
import { clientAddress, trustedProxies } from "./client-address";

const none = trustedProxies([]);
const proxy = trustedProxies(["10.0.0.0/8", "fd00::1"]);

describe("clientAddress", () => {
  it("is the socket's peer when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(clientAddress("203.0.113.7", "1.2.3.4", none)).toBe("203.0.113.7");
    expect(clientAddress("203.0.113.7", ["1.2.3.4", "5.6.7.8"], none)).toBe("203.0.113.7");
  });

  it("reads an IPv4 client on a dual-stack socket as IPv4", () => {
    expect(clientAddress("::ffff:203.0.113.7", undefined, none)).toBe("203.0.113.7");
  });

  it("believes X-Forwarded-For only from a trusted proxy, hop by hop from the right", () => {
    expect(clientAddress("10.0.0.2", "198.51.100.9", proxy)).toBe("198.51.100.9");
    // The client wrote "1.2.3.4" itself; the trusted proxy appended the address it saw.
    expect(clientAddress("10.0.0.2", "1.2.3.4, 198.51.100.9", proxy)).toBe("198.51.100.9");
    // A chain of trusted proxies.
    expect(clientAddress("fd00::1", "198.51.100.9, 10.1.2.3", proxy)).toBe("198.51.100.9");
  });

  it("stops at the proxy when the header holds something that is not an address", () => {
    expect(clientAddress("10.0.0.2", "not-an-ip", proxy)).toBe("10.0.0.2");
    expect(clientAddress("10.0.0.2", "198.51.100.9, <script>", proxy)).toBe("10.0.0.2");
  });

  it("is the proxy itself when it forwards nothing", () => {
    expect(clientAddress("10.0.0.2", undefined, proxy)).toBe("10.0.0.2");
  });

  it("names an unknown peer rather than trusting a header", () => {
    expect(clientAddress(undefined, "1.2.3.4", proxy)).toBe("unknown");
  });
});
