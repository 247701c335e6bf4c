// Gzipped pages whose nonce is replaced without recompressing: the result must be exactly the page with the new
// nonce, for gzip readers and for clients that take no gzip.
import { randomBytes, randomUUID } from "node:crypto";
import { crc32, gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { crc32Combine, makeGzipTemplate, renderGzip, renderPlain } from "../../../lib/server/gzip-template";

const nonce = () => Buffer.from(randomUUID()).toString("base64");

describe("crc32Combine", () => {
  it("equals the CRC of the concatenation", () => {
    for (const [a, b] of [[0, 0], [1, 1], [7, 65_536], [1_000, 123_457], [3, 0]]) {
      const left = randomBytes(a);
      const right = randomBytes(b);
      expect(crc32Combine(crc32(left), crc32(right), right.length)).toBe(crc32(Buffer.concat([left, right])));
    }
  });
});

describe("gzip templates", () => {
  it("renders the page with a fresh nonce in every place, as valid gzip", async () => {
    const original = nonce();
    const page = `<html><head><script nonce="${original}">a()</script></head><body>${"临汾市全市2472个小区".repeat(20_000)}<script nonce="${original}">b()</script></body></html>`;
    const template = await makeGzipTemplate(page, original);
    expect(template.bytes).toBeLessThan(Buffer.byteLength(page) / 20);
    for (let round = 0; round < 3; round++) {
      const fresh = nonce();
      expect(gunzipSync(renderGzip(template, fresh)).toString("utf8")).toBe(page.replaceAll(original, fresh));
      expect(renderPlain(template, fresh).toString("utf8")).toBe(page.replaceAll(original, fresh));
    }
  });

  it("handles a page without the nonce, one that starts and ends with it, and one holding NUL bytes", async () => {
    const original = nonce();
    const fresh = nonce();
    expect(gunzipSync(renderGzip(await makeGzipTemplate("plain", original), fresh)).toString()).toBe("plain");
    const edges = `${original}middle${original}`;
    expect(gunzipSync(renderGzip(await makeGzipTemplate(edges, original), fresh)).toString()).toBe(`${fresh}middle${fresh}`);
    const nul = `a\0\0\0b${original}\0\0\0c`.repeat(50);
    expect(gunzipSync(renderGzip(await makeGzipTemplate(nul, original), fresh)).toString()).toBe(nul.replaceAll(original, fresh));
  });

  it("refuses a replacement nonce of another length (the gzip length field would lie)", async () => {
    const original = nonce();
    const template = await makeGzipTemplate(`x${original}y`, original);
    expect(() => renderGzip(template, "short")).toThrow(/as long/);
  });
});
