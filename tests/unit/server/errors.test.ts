// Failures by kind: an outage (503), input PostgreSQL rejects as data (400), a fault of ours (500).
import { describe, expect, it } from "vitest";
import { classifyFailure, summarizeFailure } from "../../../lib/server/errors";

const withCode = (message: string, code: string, extra: object = {}) => Object.assign(new Error(message), { code }, extra);

describe("classifyFailure", () => {
  it.each([
    ["connection refused", withCode("connect ECONNREFUSED 127.0.0.1:5432", "ECONNREFUSED"), "outage"],
    ["Prisma P1001", withCode("Invalid `prisma.report.findMany()` invocation:\n\nCan't reach database server at `db:5432`", "P1001"), "outage"],
    ["admin shutdown, wrapped", new Error("query failed", { cause: withCode("terminating connection due to administrator command", "57P01") }), "outage"],
    ["class 08", withCode("connection failure", "08006"), "outage"],
    ["NUL byte, from the driver adapter", Object.assign(new Error("Invalid `prisma.region.findUnique()` invocation"), { code: "P2010", meta: { driverAdapterError: { cause: { originalCode: "22021", kind: "postgres" } } } }), "bad-input"],
    ["invalid text representation", withCode('invalid input syntax for type integer: "x"', "22P02"), "bad-input"],
    ["a bug", new TypeError("Cannot read properties of undefined (reading 'slug')"), "internal"],
    ["a unique violation", withCode("duplicate key value violates unique constraint", "23505"), "internal"],
  ])("%s", (_, error, kind) => {
    expect(classifyFailure(error)).toBe(kind);
  });

  it("summarizes Prisma errors by the line that says what happened", () => {
    expect(summarizeFailure(withCode("Invalid `prisma.report.aggregate()` invocation:\n\n\nCan't reach database server at `127.0.0.1:1`", "P1001"))).toBe("P1001 Can't reach database server at `127.0.0.1:1`");
  });
});
