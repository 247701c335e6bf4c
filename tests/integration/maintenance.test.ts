// Admins' maintenance against real PostgreSQL: re-extracting every report keeps corrections and moves the data
// version; deleting a report needs the admin role and a reason, and leaves a record and the corrections.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, type TestDatabase } from "../helpers/database";
import { request, sessionCookie } from "../helpers/auth";

let database: TestDatabase;
let deleteRoute: typeof import("../../app/api/reports/[id]/delete/route");
let reextractRoute: typeof import("../../app/api/maintenance/reextract/route");
let cache: typeof import("../../lib/queries/cache");
let server: typeof import("../../lib/auth/server");
let editor: string;
let admin: string;
let reportId: number;

beforeAll(async () => {
  database = await freshDatabase();
  process.env.DATABASE_URL = database.url;
  deleteRoute = await import("../../app/api/reports/[id]/delete/route");
  reextractRoute = await import("../../app/api/maintenance/reextract/route");
  cache = await import("../../lib/queries/cache");
  server = await import("../../lib/auth/server");
  const users = await import("../../lib/auth/users");
  const authRoute = await import("../../app/api/auth/[...all]/route");
  await users.addUser("editor@example.org", "editor", "correct horse");
  await users.addUser("admin@example.org", "admin", "battery staple");
  const signIn = async (email: string, password: string) => sessionCookie(await authRoute.POST(request("/api/auth/sign-in/email", { json: { email, password } })));
  editor = await signIn("editor@example.org", "correct horse");
  admin = await signIn("admin@example.org", "battery staple");
  const { ingestReport } = await import("../../lib/db/ingest");
  reportId = (await ingestReport(database.client, readFileSync("tests/fixtures/editor-report.txt"), { fileName: "editor-report.txt" })).reportId;
  const { saveCorrection } = await import("../../lib/db/corrections");
  const fact = await database.client.fact.findFirstOrThrow({ where: { reportId, figure: "42个" }, include: { sentence: true } });
  await saveCorrection(database.client, {
    reportId, sentenceIndex: fact.sentence.index, start: fact.start - fact.sentence.start, end: fact.end - fact.sentence.start,
    action: "correct", values: { metric: fact.metric, subject: fact.subject, value: 43, unit: fact.unit, approx: fact.approx, scope: null }, reason: "原图为43", baseRevision: 0,
  } as Parameters<typeof saveCorrection>[1], "editor@example.org");
});

afterAll(async () => {
  await server.closeAuth();
  const { disconnectDatabase } = await import("../../lib/db/client");
  await disconnectDatabase();
  await database.drop();
});

const remove = (cookie: string | undefined, reason: string) =>
  deleteRoute.POST(request(`/api/reports/${reportId}/delete`, { json: { reason }, cookie }), { params: Promise.resolve({ id: String(reportId) }) });

describe("maintenance", () => {
  it("re-extracts every report for an admin only, keeping corrections and moving the data version", async () => {
    expect((await reextractRoute.POST(request("/api/maintenance/reextract", { json: {}, cookie: editor }), undefined)).status).toBe(403);
    cache.clearQueryCache();
    const before = await cache.dataVersion();
    const response = await reextractRoute.POST(request("/api/maintenance/reextract", { json: {}, cookie: admin }), undefined);
    expect(response.status).toBe(200);
    expect((await response.json()).reports).toBe(1);
    expect(await cache.dataVersion()).not.toBe(before);
    const fact = await database.client.fact.findFirstOrThrow({ where: { reportId, figure: "42个" } });
    expect(fact).toMatchObject({ value: 43, status: "corrected" });
  });

  it("deletes a report for an admin with a reason, keeping a record and the corrections", async () => {
    expect((await remove(undefined, "重复报道")).status).toBe(401);
    expect((await remove(editor, "重复报道")).status).toBe(403);
    expect((await remove(admin, "")).status).toBe(400);
    expect(await database.client.report.count()).toBe(1);
    expect((await remove(admin, "重复报道")).status).toBe(200);
    expect(await database.client.report.count()).toBe(0);
    expect(await database.client.fact.count()).toBe(0);
    expect(await database.client.headline.count()).toBe(0);
    expect(await database.client.reportDeletion.findFirstOrThrow()).toMatchObject({ editorEmail: "admin@example.org", reason: "重复报道", regionSlug: "ningshan" });
    expect(await database.client.correction.count()).toBe(1);
  });
});
