// `atlas user` as an administrator runs it: bin/atlas against a real database, the password from ATLAS_PASSWORD,
// the account usable for sign-in, bad input exiting 2 with one line.
import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, type TestDatabase } from "../helpers/database";

const bin = path.resolve("bin/atlas");
let database: TestDatabase;

function atlas(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(bin, args, { env: { ...process.env, DATABASE_URL: database.url, ATLAS_PASSWORD: "", ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk));
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

beforeAll(async () => {
  database = await freshDatabase();
});
afterAll(async () => {
  await database.drop();
});

describe("atlas user", () => {
  it("adds, lists, changes the password of and removes accounts", async () => {
    const added = await atlas(["user", "add", "Ana@Example.org", "--role", "admin"], { ATLAS_PASSWORD: "a long password" });
    expect(added).toMatchObject({ code: 0, stdout: "added ana@example.org (admin)\n" });
    const account = await database.client.account.findFirstOrThrow({ where: { user: { email: "ana@example.org" } } });
    expect(account.password).not.toContain("a long password");

    const listed = await atlas(["user", "list"]);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/^ana@example\.org\tadmin\t0 sessions/m);

    expect((await atlas(["user", "password", "ana@example.org"], { ATLAS_PASSWORD: "another password" })).code).toBe(0);
    const changed = await database.client.account.findFirstOrThrow({ where: { user: { email: "ana@example.org" } } });
    expect(changed.password).not.toBe(account.password);

    expect((await atlas(["user", "remove", "ana@example.org"])).code).toBe(0);
    expect(await database.client.user.count()).toBe(0);
  });

  it("exits 2 with one line for bad input, storing nothing", async () => {
    const cases: [string[], Record<string, string>, RegExp][] = [
      [["user", "add", "bo@example.org", "--role", "boss"], { ATLAS_PASSWORD: "a long password" }, /unknown role "boss"/],
      [["user", "add", "bo@example.org", "--role", "editor"], { ATLAS_PASSWORD: "short" }, /at least 8 characters/],
      [["user", "add", "bo@example.org", "--role", "editor"], {}, /ATLAS_PASSWORD/], // no terminal to ask in
      [["user", "add", "not-an-address", "--role", "editor"], { ATLAS_PASSWORD: "a long password" }, /not an email address/],
      [["user", "remove", "nobody@example.org"], {}, /no account for nobody@example.org/],
      [["user", "frobnicate"], {}, /unknown action/],
    ];
    for (const [args, env, message] of cases) {
      const result = await atlas(args, env);
      expect(result.code, args.join(" ")).toBe(2);
      expect(result.stderr.trim().split("\n")).toHaveLength(1);
      expect(result.stderr).toMatch(message);
    }
    expect(await database.client.user.count()).toBe(0);
  });
});
