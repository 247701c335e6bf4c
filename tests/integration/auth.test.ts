// Accounts against real PostgreSQL: no sign-up, cookie attributes, sign-out revokes, expired sessions refused,
// sign-in rate-limited per account and per address (429, then usable after the window), and the guard every
// mutating route uses (401 anonymous, 403 wrong role or cross-origin).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, type TestDatabase } from "../helpers/database";
import { request, sessionCookie } from "../helpers/auth";

const WINDOW_S = 5; // long enough for six scrypt checks on a loaded two-core machine
process.env.ATLAS_SIGNIN_WINDOW_S = String(WINDOW_S);
process.env.ATLAS_SIGNIN_MAX_PER_ACCOUNT = "4";
process.env.ATLAS_SIGNIN_MAX_PER_ADDRESS = "6";

let database: TestDatabase;
let authRoute: typeof import("../../app/api/auth/[...all]/route");
let guard: typeof import("../../lib/auth/guard");
let users: typeof import("../../lib/auth/users");
let server: typeof import("../../lib/auth/server");

beforeAll(async () => {
  database = await freshDatabase();
  process.env.DATABASE_URL = database.url;
  authRoute = await import("../../app/api/auth/[...all]/route");
  guard = await import("../../lib/auth/guard");
  users = await import("../../lib/auth/users");
  server = await import("../../lib/auth/server");
  await users.addUser("editor@example.org", "editor", "correct horse");
  await users.addUser("admin@example.org", "admin", "battery staple");
  await users.addUser("other@example.org", "editor", "another one");
  await users.addUser("locked@example.org", "editor", "right password");
});

afterAll(async () => {
  await server.closeAuth();
  await database.drop();
});

const signIn = (email: string, password: string, address = "10.1.1.1") =>
  authRoute.POST(request("/api/auth/sign-in/email", { json: { email, password }, address }));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("accounts", () => {
  it("has no sign-up", async () => {
    const response = await authRoute.POST(request("/api/auth/sign-up/email", { json: { email: "new@example.org", password: "whatever123", name: "x" }, address: "10.9.9.1" }));
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(await database.client.user.count({ where: { email: "new@example.org" } })).toBe(0);
  });

  it("stores a scrypt hash, never the password", async () => {
    const account = await database.client.account.findFirstOrThrow({ where: { user: { email: "editor@example.org" } } });
    expect(account.password).not.toContain("correct horse");
    expect(account.password).toMatch(/^[0-9a-f]+:[0-9a-f]+$/); // salt:key of Better Auth's scrypt
  });

  it("signs in with an HttpOnly SameSite=Lax expiring cookie, and sign-out revokes the session", async () => {
    const response = await signIn("editor@example.org", "correct horse", "10.2.0.1");
    expect(response.status).toBe(200);
    const line = response.headers.getSetCookie().find((value) => value.includes("session_token="))!;
    expect(line).toMatch(/HttpOnly/i);
    expect(line).toMatch(/SameSite=Lax/i);
    expect(line).toMatch(/Max-Age=\d+/i);
    expect(line).not.toMatch(/Secure/i); // plain HTTP without PUBLIC_URL=https://…
    const cookie = sessionCookie(response);
    const headers = request("/", { cookie }).headers;
    expect((await guard.authorize(headers)).email).toBe("editor@example.org");
    expect(await database.client.session.count({ where: { user: { email: "editor@example.org" } } })).toBe(1);

    const out = await authRoute.POST(request("/api/auth/sign-out", { json: {}, cookie }));
    expect(out.status).toBe(200);
    expect(await database.client.session.count({ where: { user: { email: "editor@example.org" } } })).toBe(0);
    await expect(guard.authorize(headers)).rejects.toMatchObject({ status: 401 });
  });

  it("refuses an expired session", async () => {
    const cookie = sessionCookie(await signIn("other@example.org", "another one", "10.2.0.2"));
    const headers = request("/", { cookie }).headers;
    expect((await guard.authorize(headers)).email).toBe("other@example.org");
    await database.client.session.updateMany({ where: { user: { email: "other@example.org" } }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(guard.authorize(headers)).rejects.toMatchObject({ status: 401 });
  });

  it("checks role and origin", async () => {
    const cookie = sessionCookie(await signIn("editor@example.org", "correct horse", "10.2.0.3"));
    await expect(guard.authorize(request("/", { cookie }).headers, "admin")).rejects.toMatchObject({ status: 403 });
    await expect(guard.authorize(request("/", { cookie, origin: "https://evil.example" }).headers)).rejects.toMatchObject({ status: 403 });
    await expect(guard.authorize(request("/", { cookie, origin: null, headers: { "sec-fetch-site": "cross-site" } }).headers)).rejects.toMatchObject({ status: 403 });
    expect((await guard.authorize(request("/", { cookie, origin: null }).headers)).role).toBe("editor"); // a script: cookie only
    const admin = sessionCookie(await signIn("admin@example.org", "battery staple", "10.2.0.4"));
    expect((await guard.authorize(request("/", { cookie: admin }).headers, "admin")).role).toBe("admin");
    await expect(guard.authorize(request("/").headers)).rejects.toMatchObject({ status: 401 });
  });

  it("limits sign-in attempts per account, then lets the account in after the window", async () => {
    const statuses: number[] = [];
    // Each attempt from a different address: only the per-account limit can stop them.
    for (let attempt = 0; attempt < 6; attempt++) statuses.push((await signIn("locked@example.org", "wrong password", `10.3.0.${attempt}`)).status);
    expect(statuses.slice(0, 4).every((status) => status === 401)).toBe(true);
    expect(statuses.slice(4)).toEqual([429, 429]);
    expect((await signIn("locked@example.org", "right password", "10.3.1.1")).status).toBe(429); // even the right password
    await sleep(WINDOW_S * 1000 + 300);
    expect((await signIn("locked@example.org", "right password", "10.3.1.1")).status).toBe(200);
  });

  it("limits sign-in attempts per address across accounts", async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 8; attempt++) statuses.push((await signIn(`nobody${attempt}@example.org`, "wrong password", "10.4.0.1")).status);
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(2);
    expect(statuses.slice(0, 6).every((status) => status === 401)).toBe(true);
    await sleep(WINDOW_S * 1000 + 300);
    expect((await signIn("other@example.org", "another one", "10.4.0.1")).status).toBe(200);
  });
});
