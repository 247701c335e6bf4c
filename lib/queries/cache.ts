// The pages are read-mostly: their data only changes when a report is ingested. Each query's result is kept in
// memory, keyed by its arguments and by the data version (the number of reports and the latest ingest time, and
// the same of editors' corrections),
// which is read at most once per second; an ingest from any process, against any number of app instances,
// changes the version and so refreshes every page within a second. Nothing is cached when the database fails.
import { db } from "../db/client";

const VERSION_TTL_MS = 1_000;
const MAX_ENTRIES = 2_000;

// On globalThis: Next.js bundles route handlers and pages apart, each with its own copy of this module, and an
// editor's save in one must reach the other (dataChanged).
const shared = globalThis as unknown as { atlasDataVersion?: { value: string; checkedAt: number } | null };
let pendingVersion: Promise<string> | null = null;

export async function dataVersion(): Promise<string> {
  const now = Date.now();
  const version = shared.atlasDataVersion;
  if (version && now - version.checkedAt < VERSION_TTL_MS) return version.value;
  // Editors' corrections and their reverts change the data too (lib/db/corrections.ts).
  pendingVersion ??= db()
    .$queryRaw<{ reports: bigint; ingested: Date | null; corrections: bigint; changed: Date | null; marker: string | null }[]>`
      SELECT (SELECT count(*) FROM "Report") AS reports, (SELECT max("ingestedAt") FROM "Report") AS ingested,
             (SELECT count(*) FROM "Correction") AS corrections,
             (SELECT max(greatest("createdAt", coalesce("revertedAt", "createdAt"))) FROM "Correction") AS changed,
             (SELECT "value" FROM "AppSetting" WHERE "key" = 'data_changed_at') AS marker`
    .then(([result]) => {
      // marker: an admin's re-extraction (lib/db/maintenance.ts), which changes no count or time above.
      const value = `${result.reports}:${result.ingested?.getTime() ?? 0}:${result.corrections}:${result.changed?.getTime() ?? 0}:${result.marker ?? ""}`;
      shared.atlasDataVersion = { value, checkedAt: Date.now() };
      return value;
    })
    .finally(() => {
      pendingVersion = null;
    });
  return pendingVersion;
}

const entries = new Map<string, { version: string; value: Promise<unknown> }>();

/** `load` memoized by its arguments and the data version (least recently used entries are dropped first). */
export function cachedByDataVersion<Args extends unknown[], T>(name: string, load: (...args: Args) => Promise<T>): (...args: Args) => Promise<T> {
  return async (...args: Args) => {
    const current = await dataVersion();
    const key = `${name}:${JSON.stringify(args)}`;
    const hit = entries.get(key);
    if (hit && hit.version === current) {
      entries.delete(key); // refresh its place in the LRU order
      entries.set(key, hit);
      return hit.value as Promise<T>;
    }
    const value = load(...args);
    entries.set(key, { version: current, value });
    value.catch(() => entries.get(key)?.value === value && entries.delete(key));
    if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
    return value;
  };
}

/** This process changed the data (an editor's save): read the version afresh on the next query, so the editor's
 * next page shows the change at once (other instances see it within a second). */
export function dataChanged(): void {
  shared.atlasDataVersion = null;
  pendingVersion = null;
}

/** For tests: forget everything, as after a restart. */
export function clearQueryCache(): void {
  entries.clear();
  shared.atlasDataVersion = null;
}
