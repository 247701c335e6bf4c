// POST /api/reports and its preview against real PostgreSQL: editors only (401 anonymous, 403 cross-origin, nothing
// stored), the CLI's decoders and messages (a GBK file, binary and empty files), 201 then 409 for the same bytes,
// the editor's region, title and date stored.
import { readFileSync } from "node:fs";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, type TestDatabase } from "../helpers/database";
import { request, sessionCookie } from "../helpers/auth";

let database: TestDatabase;
let reportsRoute: typeof import("../../app/api/reports/route");
let previewRoute: typeof import("../../app/api/reports/preview/route");
let server: typeof import("../../lib/auth/server");
let editorCookie: string;

const text = readFileSync("tests/fixtures/editor-report.txt", "utf8");
const gbk = iconv.encode(text, "gbk");

function upload(bytes: Uint8Array | string, fields: Record<string, string> = {}, name = "report.txt"): FormData {
  const form = new FormData();
  form.set("file", new File([typeof bytes === "string" ? bytes : new Uint8Array(bytes)], name));
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  return form;
}

const post = (route: { POST: (request: Request, context: unknown) => Promise<Response> }, path: string, body: FormData, options: { cookie?: string; origin?: string } = {}) =>
  route.POST(request(path, { method: "POST", body, cookie: options.cookie, origin: options.origin }), undefined);

beforeAll(async () => {
  database = await freshDatabase();
  process.env.DATABASE_URL = database.url;
  reportsRoute = await import("../../app/api/reports/route");
  previewRoute = await import("../../app/api/reports/preview/route");
  server = await import("../../lib/auth/server");
  const users = await import("../../lib/auth/users");
  const authRoute = await import("../../app/api/auth/[...all]/route");
  await users.addUser("editor@example.org", "editor", "correct horse");
  editorCookie = sessionCookie(await authRoute.POST(request("/api/auth/sign-in/email", { json: { email: "editor@example.org", password: "correct horse" } })));
});

afterAll(async () => {
  await server.closeAuth();
  const { disconnectDatabase } = await import("../../lib/db/client");
  await disconnectDatabase();
  await database.drop();
});

describe("upload", () => {
  it("refuses anonymous and cross-origin uploads and stores nothing", async () => {
    const anonymous = await post(reportsRoute, "/api/reports", upload(gbk));
    expect(anonymous.status).toBe(401);
    expect((await anonymous.json()).error).toBeTruthy();
    expect((await post(previewRoute, "/api/reports/preview", upload(gbk))).status).toBe(401);
    expect((await post(reportsRoute, "/api/reports", upload(gbk), { cookie: editorCookie, origin: "https://evil.example" })).status).toBe(403);
    expect(await database.client.report.count()).toBe(0);
  });

  it("previews a GBK report without storing it", async () => {
    const response = await post(previewRoute, "/api/reports/preview", upload(gbk), { cookie: editorCookie });
    expect(response.status).toBe(200);
    const preview = await response.json();
    expect(preview.encoding).toMatch(/GB/i);
    expect(preview.region.name).toBe("宁陕县");
    expect(preview.sentences.map((s: { text: string }) => s.text).join("")).toContain("临时党支部42个");
    expect(preview.facts.map((f: { figure: string }) => f.figure)).toContain("42个");
    expect(preview.duplicate).toBeNull();
    expect(await database.client.report.count()).toBe(0);
  });

  it("answers bad input with the CLI's one-line messages and stores nothing", async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(2048, 7)]);
    const binary = await post(reportsRoute, "/api/reports", upload(png, {}, "image.png"), { cookie: editorCookie });
    expect(binary.status).toBe(400);
    expect((await binary.json()).error).toMatch(/binary|not text/i);
    const empty = await post(reportsRoute, "/api/reports", upload(new Uint8Array(0), {}, "empty.txt"), { cookie: editorCookie });
    expect(empty.status).toBe(400);
    expect((await empty.json()).error).toBe("empty.txt is empty");
    const badDate = await post(reportsRoute, "/api/reports", upload(gbk, { date: "2020-02-31" }), { cookie: editorCookie });
    expect(badDate.status).toBe(400);
    expect(await database.client.report.count()).toBe(0);
  });

  it("stores with the editor's region, title and date (201), then says the same bytes are stored (409)", async () => {
    const fields = { region: "石泉县", title: "编辑改过的标题", date: "2020-02-20" };
    const created = await post(reportsRoute, "/api/reports", upload(gbk, fields), { cookie: editorCookie });
    expect(created.status).toBe(201);
    const { id, regionSlug } = await created.json();
    const stored = await database.client.report.findUniqueOrThrow({ where: { id }, include: { region: true, _count: { select: { facts: true } } } });
    expect(stored.region.name).toBe("石泉县");
    expect(regionSlug).toBe(stored.region.slug);
    expect(stored.title).toBe("编辑改过的标题");
    expect(stored.publishedAt?.toISOString().slice(0, 10)).toBe("2020-02-20");
    expect(stored._count.facts).toBeGreaterThan(0);

    const again = await post(reportsRoute, "/api/reports", upload(gbk), { cookie: editorCookie });
    expect(again.status).toBe(409);
    expect((await again.json()).id).toBe(id);
    const preview = await (await post(previewRoute, "/api/reports/preview", upload(gbk), { cookie: editorCookie })).json();
    expect(preview.duplicate.id).toBe(id);
    expect(await database.client.report.count()).toBe(1);
  });
});
