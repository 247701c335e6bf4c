// The origin of absolute links: PUBLIC_URL, else the request's Host; forwarded headers only behind a trusted proxy.
import { describe, expect, it } from "vitest";
import { isValidHost, publicOrigin } from "../../../lib/server/public-url";

describe("publicOrigin", () => {
  const forwarded = { host: "10.0.0.5:3000", "x-forwarded-host": "atlas.example.org", "x-forwarded-proto": "https" };

  it("uses PUBLIC_URL when set, whatever the request says", () => {
    expect(publicOrigin(forwarded, { publicUrl: "https://atlas.example.org/base/", trustProxy: true })).toBe("https://atlas.example.org");
  });

  it("uses the request's own Host otherwise", () => {
    expect(publicOrigin({ host: "Atlas.Example.org" })).toBe("http://atlas.example.org");
    expect(publicOrigin(new Headers({ host: "127.0.0.1:3411" }))).toBe("http://127.0.0.1:3411");
  });

  it("believes X-Forwarded-Host and -Proto only with TRUST_PROXY", () => {
    expect(publicOrigin(forwarded, { trustProxy: false })).toBe("http://10.0.0.5:3000");
    expect(publicOrigin(forwarded, { trustProxy: true })).toBe("https://atlas.example.org");
    expect(publicOrigin({ ...forwarded, "x-forwarded-host": "a.example, b.example" }, { trustProxy: true })).toBe("https://a.example");
  });

  it("never builds links on a malformed Host", () => {
    for (const host of ["evil.example/path", "user@evil.example", "a b", "", "x".repeat(300)]) {
      expect(isValidHost(host)).toBe(false);
      expect(publicOrigin({ host }, { fallback: "http://localhost:3000" })).toBe("http://localhost:3000");
    }
    expect(isValidHost("[::1]:3000")).toBe(true);
  });
});
