// Corrections against real PostgreSQL: editors only (401 anonymous, 403 cross-origin or wrong role, nothing
// changed), optimistic concurrency (409), corrected figures in headlines, JSON and CSV with a status column, the
// data version moving on every change, an admin's revert, and corrections surviving re-extraction (flagged for
// review when the text under them changed, never dropped).
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, type TestDatabase } from "../helpers/database";
import { request, sessionCookie } from "../helpers/auth";

let database: TestDatabase;
let correctionsRoute: typeof import("../../app/api/corrections/route");
let revertRoute: typeof import("../../app/api/corrections/[id]/revert/route");
let region: typeof import("../../lib/queries/region");
let csv: typeof import("../../lib/dashboard/csv");
let cache: typeof import("../../lib/queries/cache");
let ingest: typeof import("../../lib/db/ingest");
let server: typeof import("../../lib/auth/server");
let editor: string;
let admin: string;
let reportId: number;

const bytes = readFileSync("tests/fixtures/editor-report.txt");

beforeAll(async () => {
  database = await freshDatabase();
  process.env.DATABASE_URL = database.url;
  correctionsRoute = await import("../../app/api/corrections/route");
  revertRoute = await import("../../app/api/corrections/[id]/revert/route");
  region = await import("../../lib/queries/region");
  csv = await import("../../lib/dashboard/csv");
  cache = await import("../../lib/queries/cache");
  ingest = await import("../../lib/db/ingest");
  server = await import("../../lib/auth/server");
  const users = await import("../../lib/auth/users");
  const authRoute = await import("../../app/api/auth/[...all]/route");
  await users.addUser("editor@example.org", "editor", "correct horse");
  await users.addUser("admin@example.org", "admin", "battery staple");
  const signIn = async (email: string, password: string) => sessionCookie(await authRoute.POST(request("/api/auth/sign-in/email", { json: { email, password } })));
  editor = await signIn("editor@example.org", "correct horse");
  admin = await signIn("admin@example.org", "battery staple");
  reportId = (await ingest.ingestReport(database.client, bytes, { fileName: "editor-report.txt" })).reportId;
});

afterAll(async () => {
  await server.closeAuth();
  const { disconnectDatabase } = await import("../../lib/db/client");
  await disconnectDatabase();
  await database.drop();
});

/** The figure's position in its sentence, as the report page sends it. */
async function figure(text: string) {
  const fact = await database.client.fact.findFirstOrThrow({ where: { reportId, figure: text }, include: { sentence: true } });
  return { sentenceIndex: fact.sentence.index, start: fact.start - fact.sentence.start, end: fact.end - fact.sentence.start };
}

async function sentenceSpan(index: number, text: string) {
  const sentence = await database.client.sentence.findFirstOrThrow({ where: { reportId, index } });
  const start = sentence.text.indexOf(text);
  expect(start).toBeGreaterThanOrEqual(0);
  return { sentenceIndex: index, start, end: start + text.length };
}

const correct = (body: object, cookie?: string, origin?: string) =>
  correctionsRoute.POST(request("/api/corrections", { json: { reportId, ...body }, cookie, origin }), undefined);

const revert = (id: number, cookie?: string) => revertRoute.POST(request(`/api/corrections/${id}/revert`, { method: "POST", body: "", cookie }), { params: Promise.resolve({ id: String(id) }) });

/** What /api/regions/ningshan/facts answers (the route needs a Next.js request scope; these are its functions). */
async function regionJson() {
  cache.clearQueryCache();
  return JSON.parse(JSON.stringify(await region.regionDashboard("ningshan")));
}

async function regionCsv() {
  cache.clearQueryCache();
  const data = (await region.regionDashboard("ningshan"))!;
  const text = csv.toCsv(csv.FACT_CSV_HEADER, data.facts.map((fact) => csv.factCsvRow(data.region, fact, "http://localhost:3000")));
  return text.replace(/^\uFEFF/, "").trim().split("\r\n").map((line) => line.split(","));
}

const branchesFix = { action: "correct", values: { metric: "branches", subject: "临时党支部", value: 43, unit: "个", approx: "exact", scope: null }, reason: "原文图片显示为43个", baseRevision: 0 };

describe("corrections", () => {
  it("refuses anonymous, cross-origin and wrong-role changes and changes nothing", async () => {
    const at = await figure("42个");
    expect((await correct({ ...at, ...branchesFix })).status).toBe(401);
    expect((await correct({ ...at, ...branchesFix }, editor, "https://evil.example")).status).toBe(403);
    expect(await database.client.correction.count()).toBe(0);
    expect((await database.client.fact.findFirstOrThrow({ where: { reportId, figure: "42个" } })).value).toBe(42);
  });

  it("applies a correction everywhere, moves the data version, and refuses a stale save with 409", async () => {
    cache.clearQueryCache();
    const before = await cache.dataVersion();
    const at = await figure("42个");
    const saved = await correct({ ...at, ...branchesFix }, editor);
    expect(saved.status).toBe(201);
    expect((await saved.json()).revision).toBe(1);
    cache.clearQueryCache();
    expect(await cache.dataVersion()).not.toBe(before);

    const json = await regionJson();
    const fixed = json.facts.find((fact: { figure: string }) => fact.figure === "42个");
    expect(fixed).toMatchObject({ value: 43, status: "corrected", correction: { editor: "editor@example.org", reason: "原文图片显示为43个" } });
    expect(json.headlines.branches.value).toBe(43);
    const [header, ...rows] = await regionCsv();
    const status = header.indexOf("status");
    expect(status).toBeGreaterThan(0);
    expect(rows.find((row) => row.includes("42个"))![status]).toBe("corrected");
    expect(rows.find((row) => row.includes("135个"))![status]).toBe("machine");

    // A second editor who loaded the page before the first save.
    const stale = await correct({ ...at, ...branchesFix, values: { ...branchesFix.values, value: 44 }, reason: "我看是44" }, admin);
    expect(stale.status).toBe(409);
    expect((await stale.json()).currentRevision).toBe(1);
    expect((await database.client.fact.findFirstOrThrow({ where: { reportId, figure: "42个" } })).value).toBe(43);
  });

  it("rejects, confirms and adds figures", async () => {
    expect((await correct({ ...(await figure("96支")), action: "reject", reason: "不是数字事实", baseRevision: 0 }, editor)).status).toBe(201);
    expect((await correct({ ...(await figure("135个")), action: "confirm", reason: "核对无误", baseRevision: 0 }, editor)).status).toBe(201);
    const added = await correct({ ...(await sentenceSpan(5, "各镇村")), action: "add", values: { metric: "other", subject: "镇村", value: 3, unit: "个", approx: "exact", scope: null }, reason: "<img src=x onerror=alert(1)>", baseRevision: 0 }, editor);
    expect(added.status).toBe(201);
    const facts = (await regionJson()).facts as { figure: string; status: string }[];
    expect(facts.find((fact) => fact.figure === "96支")).toBeUndefined();
    expect(facts.find((fact) => fact.figure === "135个")?.status).toBe("confirmed");
    expect(facts.find((fact) => fact.figure === "各镇村")?.status).toBe("added");
    const badReason = await correct({ ...(await figure("1800余名")), action: "confirm", reason: "", baseRevision: 0 }, editor);
    expect(badReason.status).toBe(400);
  });

  it("keeps every correction through re-extraction", async () => {
    const before = (await regionJson()).facts.map((fact: { figure: string; value: number; status: string }) => [fact.figure, fact.value, fact.status]).sort();
    await ingest.ingestReport(database.client, bytes, { fileName: "editor-report.txt", replace: true });
    reportId = (await database.client.report.findFirstOrThrow()).id;
    cache.clearQueryCache();
    const after = (await regionJson()).facts.map((fact: { figure: string; value: number; status: string }) => [fact.figure, fact.value, fact.status]).sort();
    expect(after).toEqual(before);
    expect(await database.client.correction.count({ where: { needsReview: true } })).toBe(0);

    // A newer extractor that reads the sentence differently: the correction stays, flagged for review.
    const added = await database.client.correction.findFirstOrThrow({ where: { action: "add" } });
    await database.client.correction.update({ where: { id: added.id }, data: { figureText: "各乡镇" } });
    await ingest.ingestReport(database.client, bytes, { fileName: "editor-report.txt", replace: true });
    const flagged = await database.client.correction.findUniqueOrThrow({ where: { id: added.id } });
    expect(flagged.needsReview).toBe(true);
    expect(await database.client.correction.count()).toBe(4);
  });

  it("lets an admin, not an editor, revert a change", async () => {
    const change = await database.client.correction.findFirstOrThrow({ where: { action: "correct" } });
    expect((await revert(change.id, editor)).status).toBe(403);
    expect((await revert(change.id)).status).toBe(401);
    expect((await revert(change.id, admin)).status).toBe(200);
    cache.clearQueryCache();
    const json = await regionJson();
    expect(json.facts.find((fact: { figure: string }) => fact.figure === "42个")).toMatchObject({ value: 42, status: "machine" });
    expect(json.headlines.branches.value).toBe(42);
    expect((await database.client.correction.findUniqueOrThrow({ where: { id: change.id } })).revertedBy).toBe("admin@example.org");
  });
});
