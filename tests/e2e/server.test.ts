// The npm start server as readers and clients meet it: compression (cached pages included), links built on the
// request's host, status codes before any query, the page cache's keys, and security headers on the API.
import { request as httpRequest, type IncomingMessage } from "node:http";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { describe, expect, inject, it } from "vitest";

const base = new URL(inject("baseUrl"));

interface Answer { status: number; headers: IncomingMessage["headers"]; body: Buffer; text: string }

/** A raw request: fetch would decompress for us, and refuses TRACE and a Host of our choosing. */
function send(path: string, { method = "GET", headers = {} as Record<string, string> } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest({ host: base.hostname, port: base.port, path, method, headers }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
      incoming.on("end", () => {
        const body = Buffer.concat(chunks);
        const encoding = incoming.headers["content-encoding"];
        const plain = encoding === "gzip" ? gunzipSync(body) : encoding === "br" ? brotliDecompressSync(body) : body;
        resolve({ status: incoming.statusCode!, headers: incoming.headers, body, text: plain.toString("utf8") });
      });
    });
    outgoing.on("error", reject);
    outgoing.end();
  });
}

describe("compression", () => {
  it("compresses a region page, cached or not, by Accept-Encoding", async () => {
    const headers = { "accept-encoding": "gzip, br" };
    const first = await send("/regions/linfen?lang=zh&compression=1", { headers });
    const second = await send("/regions/linfen?lang=zh&compression=2", { headers });
    for (const answer of [first, second]) {
      expect(answer.status).toBe(200);
      expect(["br", "gzip"]).toContain(answer.headers["content-encoding"]);
      expect(answer.headers.vary).toMatch(/Accept-Encoding/i);
      expect(answer.body.length).toBeLessThan(answer.text.length / 4);
      expect(answer.text).toContain("临汾");
    }
    expect(second.headers["x-atlas-cache"]).toBe("hit");
    const plain = await send("/regions/linfen?lang=zh");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    const withoutNonce = (answer: Answer) => answer.text.replaceAll(String(answer.headers["content-security-policy"]).match(/'nonce-([^']+)'/)![1], "N");
    expect(withoutNonce(plain)).toBe(withoutNonce(second));
  });

  it("compresses JSON and CSV", async () => {
    for (const path of ["/api/regions", "/api/regions/linfen/facts?format=csv"]) {
      const answer = await send(path, { headers: { "accept-encoding": "gzip" } });
      expect(answer.headers["content-encoding"], path).toBe("gzip");
    }
  });
});

describe("links", () => {
  it("builds CSV links on the request's Host, never localhost", async () => {
    const csv = await send("/api/regions/linfen/facts?format=csv", { headers: { host: "atlas.example.org" } });
    expect(csv.status).toBe(200);
    expect(csv.text).not.toContain("localhost");
    // Every row carries its source link, wherever the column is.
    const rows = csv.text.trim().split("\r\n").slice(1);
    expect(rows.length).toBeGreaterThan(3);
    for (const row of rows) expect(row).toMatch(/(^|,)http:\/\/atlas\.example\.org\/reports\/\d+#s-\d+(,|$)/);
  });

  it("ignores X-Forwarded-Host from a client (TRUST_PROXY is not set)", async () => {
    const csv = await send("/api/regions?format=csv&metric=branches", { headers: { host: "atlas.example.org", "x-forwarded-host": "evil.example" } });
    expect(csv.text).not.toContain("evil.example");
    expect(csv.text).toContain("http://atlas.example.org/");
  });
});

describe("status codes", () => {
  it.each([
    ["/regions/%00", 400], ["/api/regions/%00/facts", 400], ["/regions/%zz", 400], ["/api/regions?q=%00", 400],
    ["/regions/BAD!", 404], ["/reports/abc", 404], ["/api/regions/BAD!/facts", 404], ["/regions/nosuchregion", 404],
  ])("GET %s → %i", async (path, status) => {
    expect((await send(path)).status).toBe(status);
  });

  it("answers methods a page or route does not take with 405 and Allow", async () => {
    for (const [method, path] of [["TRACE", "/"], ["POST", "/regions/zhenan"], ["PUT", "/compare"], ["DELETE", "/"], ["TRACE", "/api/regions"], ["POST", "/api/regions"]]) {
      const answer = await send(path, { method });
      expect(answer.status, `${method} ${path}`).toBe(405);
      expect(answer.headers.allow, `${method} ${path}`).toMatch(/^GET, HEAD/);
    }
  });

  it("shows the app's not-found page for a slug that cannot exist", async () => {
    const answer = await send("/regions/BAD!");
    expect(answer.headers["content-type"]).toMatch(/text\/html/);
    expect(answer.text).toMatch(/<html/);
  });
});

describe("page cache keys", () => {
  it("does not let unknown parameters create entries", async () => {
    await send("/regions/zhenan?lang=en");
    for (let index = 0; index < 3; index++) {
      expect((await send(`/regions/zhenan?lang=en&utm_source=${index}&x=${index}`)).headers["x-atlas-cache"]).toBe("hit");
    }
  });
});

describe("security headers", () => {
  it("are on API responses and static files too", async () => {
    const api = await send("/api/regions");
    expect(api.headers["x-content-type-options"]).toBe("nosniff");
    expect(api.headers["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
    const page = await send("/");
    const script = page.text.match(/<script[^>]+src="(\/_next\/static\/[^"]+)"/)![1];
    const asset = await send(script);
    expect(asset.status).toBe(200);
    expect(asset.headers["x-content-type-options"]).toBe("nosniff");
  });
});
