// Real failures from PostgreSQL through Prisma and its pg adapter, classified as the server answers them: a NUL
// byte in a value is bad input (400), not an outage; a server that is not there is an outage (503).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabaseClient } from "../../lib/db/client";
import { classifyFailure } from "../../lib/server/errors";
import { freshDatabase, type TestDatabase } from "../helpers/database";

let database: TestDatabase;
beforeAll(async () => {
  database = await freshDatabase();
});
afterAll(() => database?.drop());

const failureOf = (promise: Promise<unknown>) => promise.then(() => { throw new Error("expected a failure"); }, (error: unknown) => error);

describe("failure classes", () => {
  it("a NUL byte in a query value is bad input (PostgreSQL 22021), not an outage", async () => {
    const error = await failureOf(database.client.region.findUnique({ where: { slug: "a\u0000b" } }));
    expect(classifyFailure(error)).toBe("bad-input");
  });

  it("a raw query with a malformed value is bad input too", async () => {
    const error = await failureOf(database.client.$queryRawUnsafe("SELECT $1::int", "not a number"));
    expect(classifyFailure(error)).toBe("bad-input");
  });

  it("a server that is not there is an outage", async () => {
    const nowhere = createDatabaseClient("postgresql://postgres:x@127.0.0.1:1/none");
    try {
      expect(classifyFailure(await failureOf(nowhere.region.count()))).toBe("outage");
    } finally {
      await nowhere.$disconnect();
    }
  });

  it("a missing table is a fault of ours, not an outage", async () => {
    const error = await failureOf(database.client.$queryRawUnsafe('SELECT * FROM "NoSuchTable"'));
    expect(classifyFailure(error)).toBe("internal");
  });
});
