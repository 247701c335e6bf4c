// The editors' correction layer (Correction rows) and its application to the machine's facts. A figure is named by
// its report's SHA-256, its sentence's index, and its offsets and characters in that sentence, so a correction
// outlives re-extraction (new Fact ids) and re-ingest. Fact rows hold, for each figure, the latest change that is
// not reverted: confirmed (the machine's values), corrected (the editor's), added by hand, or no row when an
// editor said it is not a fact. Every reader (pages, CSV, JSON, headlines) reads Fact, so all of them see the
// corrected figures. After a re-extraction a correction whose characters are no longer where they were is flagged
// for review, never dropped.
import type { Database } from "./client";
import { refreshHeadlines } from "./ingest";
import type { Approximation, Metric } from "../extract/types";
import { kindOf } from "../extract/kinds";

type Transaction = Parameters<Parameters<Database["$transaction"]>[0]>[0];

export const METRICS: readonly Metric[] = ["branches", "teams", "volunteers", "funds", "checkpoints", "supplies", "grids", "other"];
export const APPROXIMATIONS: readonly Approximation[] = ["exact", "at_least", "nearly", "about"];
export const ACTIONS = ["confirm", "correct", "reject", "add"] as const;
export type CorrectionActionName = (typeof ACTIONS)[number];

export class CorrectionInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CorrectionInputError";
  }
}

/** The figure changed since the editor loaded it: their save would silently undo someone else's. */
export class CorrectionConflictError extends Error {
  constructor(readonly currentRevision: number) {
    super(`this figure was changed by someone else (now at revision ${currentRevision}); reload to see the change`);
    this.name = "CorrectionConflictError";
  }
}

export interface FigureValues {
  metric: Metric;
  subject: string;
  value: number;
  unit: string;
  approx: Approximation;
  scope: string | null;
}

export interface CorrectionInput {
  reportId: number;
  sentenceIndex: number;
  start: number; // offsets in the sentence's clean text
  end: number;
  action: CorrectionActionName;
  values?: FigureValues;
  reason: string;
  /** The figure's revision the editor saw (0 when it had never been changed). */
  baseRevision: number;
}

/** Checks a correction's fields as they come from a form or a script; throws CorrectionInputError. */
export function parseCorrection(body: unknown): CorrectionInput {
  const input = (body ?? {}) as Record<string, unknown>;
  const integer = (name: string, min = 0) => {
    const value = input[name];
    if (typeof value !== "number" || !Number.isSafeInteger(value) || value < min) throw new CorrectionInputError(`${name} must be a whole number ≥ ${min}`);
    return value;
  };
  const action = input.action;
  if (typeof action !== "string" || !(ACTIONS as readonly string[]).includes(action)) throw new CorrectionInputError(`action must be one of ${ACTIONS.join(", ")}`);
  const reason = typeof input.reason === "string" ? input.reason.trim() : "";
  if (reason.length < 3) throw new CorrectionInputError("give a short reason (at least 3 characters)");
  if (reason.length > 500) throw new CorrectionInputError("the reason may have at most 500 characters");
  const parsed: CorrectionInput = {
    reportId: integer("reportId", 1),
    sentenceIndex: integer("sentenceIndex"),
    start: integer("start"),
    end: integer("end", 1),
    action: action as CorrectionActionName,
    reason,
    baseRevision: integer("baseRevision"),
  };
  if (parsed.end <= parsed.start) throw new CorrectionInputError("end must be after start");
  if (action === "correct" || action === "add") {
    const values = (input.values ?? {}) as Record<string, unknown>;
    const text = (name: string, max: number, required: boolean) => {
      const value = values[name];
      if (value === null || value === undefined || value === "") {
        if (required) throw new CorrectionInputError(`${name} is required`);
        return null;
      }
      if (typeof value !== "string" || value.trim().length > max) throw new CorrectionInputError(`${name} must be text of at most ${max} characters`);
      return value.trim() || null;
    };
    const metric = values.metric;
    if (typeof metric !== "string" || !(METRICS as readonly string[]).includes(metric)) throw new CorrectionInputError(`metric must be one of ${METRICS.join(", ")}`);
    const approx = values.approx;
    if (typeof approx !== "string" || !(APPROXIMATIONS as readonly string[]).includes(approx)) throw new CorrectionInputError(`approx must be one of ${APPROXIMATIONS.join(", ")}`);
    const value = typeof values.value === "string" ? Number(values.value) : values.value;
    if (typeof value !== "number" || !Number.isFinite(value) || value < 0 || value > 1e13) throw new CorrectionInputError("value must be a number ≥ 0");
    parsed.values = { metric: metric as Metric, approx: approx as Approximation, value, subject: text("subject", 100, true)!, unit: text("unit", 10, true)!, scope: text("scope", 40, false) };
  }
  return parsed;
}

interface FigureKey {
  sha: string;
  sentenceIndex: number;
  start: number;
  end: number;
}

const lockKey = (key: FigureKey) => `correction:${key.sha}:${key.sentenceIndex}:${key.start}:${key.end}`;

/**
 * The machine's figure as a correction remembers it: the editable values (scope is the scope's name) and the
 * codebook fields an editor does not edit (kind, scope type, the total it is part of, the fact it restates).
 */
type MachineSnapshot = FigureValues & { kind?: string; scopeType?: string; partOfId?: number | null; restatesId?: number | null };

const FACT_FIELDS = { metric: true, kind: true, subject: true, value: true, unit: true, approx: true, scopeType: true, scopeName: true, partOfId: true, restatesId: true, status: true } as const;

function snapshotOf(fact: { metric: Metric; kind: string; subject: string; value: number; unit: string; approx: Approximation; scopeType: string; scopeName: string | null; partOfId: number | null; restatesId: number | null }): MachineSnapshot {
  return { metric: fact.metric, subject: fact.subject, value: fact.value, unit: fact.unit, approx: fact.approx, scope: fact.scopeName, kind: fact.kind, scopeType: fact.scopeType, partOfId: fact.partOfId, restatesId: fact.restatesId };
}

/** The codebook fields of a figure with these values: the machine's when the editor kept its scope, else derived. */
function codebookFields(values: FigureValues, machine: MachineSnapshot | null) {
  const sameScope = machine !== null && machine.scope === values.scope && machine.scopeType !== undefined;
  return {
    kind: machine?.kind && machine.metric === values.metric && machine.subject === values.subject ? machine.kind : kindOf(values.metric, values.subject),
    scopeType: sameScope ? machine!.scopeType! : values.scope ? "subregion" : "region",
    scopeName: values.scope,
    partOfId: machine?.partOfId ?? null,
    restatesId: machine?.restatesId ?? null,
  };
}

/** Stores one change to a figure and applies it, in one transaction; returns the new correction's id and revision. */
export async function saveCorrection(database: Database, input: CorrectionInput, editorEmail: string): Promise<{ id: number; revision: number }> {
  return database.$transaction(async (tx) => {
    const report = await tx.report.findUnique({ where: { id: input.reportId }, select: { id: true, sha256: true, title: true, regionId: true, region: { select: { slug: true } } } });
    if (!report) throw new CorrectionInputError(`no report ${input.reportId}`);
    const sentence = await tx.sentence.findUnique({ where: { reportId_index: { reportId: report.id, index: input.sentenceIndex } }, select: { text: true, start: true } });
    if (!sentence) throw new CorrectionInputError(`report ${report.id} has no sentence ${input.sentenceIndex}`);
    if (input.end > sentence.text.length) throw new CorrectionInputError(`the sentence has ${sentence.text.length} characters; ${input.start}–${input.end} is outside it`);
    const key: FigureKey = { sha: report.sha256, sentenceIndex: input.sentenceIndex, start: input.start, end: input.end };
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${lockKey(key)}))`;
    const latest = await tx.correction.findFirst({
      where: { reportSha: key.sha, sentenceIndex: key.sentenceIndex, figureStart: key.start, figureEnd: key.end },
      orderBy: { revision: "desc" },
      select: { revision: true, machine: true },
    });
    const current = latest?.revision ?? 0;
    if (input.baseRevision !== current) throw new CorrectionConflictError(current);
    const machineFact = await tx.fact.findFirst({
      where: { reportId: report.id, start: sentence.start + key.start, end: sentence.start + key.end },
      select: FACT_FIELDS,
    });
    const machine: MachineSnapshot | null = machineFact && machineFact.status === "machine"
      ? snapshotOf(machineFact)
      : ((latest?.machine ?? null) as MachineSnapshot | null);
    if (input.action !== "add" && !machine) throw new CorrectionInputError("there is no machine figure there to confirm, correct or reject; add it instead");
    const values = input.action === "correct" || input.action === "add" ? input.values! : null;
    const created = await tx.correction.create({
      data: {
        reportSha: key.sha, reportTitle: report.title ?? "", regionSlug: report.region.slug, sentenceIndex: key.sentenceIndex,
        figureStart: key.start, figureEnd: key.end, figureText: sentence.text.slice(key.start, key.end), revision: current + 1,
        action: input.action, ...(values ?? {}), machine: machine ? ({ ...machine } as Record<string, string | number | boolean | null>) : undefined, reason: input.reason, editorEmail,
      },
      select: { id: true, revision: true },
    });
    await applyCorrections(tx, report.id, { afterExtraction: false });
    await refreshHeadlines(tx, report.regionId);
    return created;
  });
}

/** An admin undoes one change: the figure goes back to the change before it, or to the machine's figure. */
export async function revertCorrection(database: Database, id: number, adminEmail: string): Promise<void> {
  await database.$transaction(async (tx) => {
    const correction = await tx.correction.findUnique({ where: { id }, select: { reportSha: true, revertedAt: true } });
    if (!correction) throw new CorrectionInputError(`no change ${id}`);
    if (correction.revertedAt) throw new CorrectionInputError(`change ${id} was reverted already`);
    await tx.correction.update({ where: { id }, data: { revertedAt: new Date(), revertedBy: adminEmail } });
    const report = await tx.report.findUnique({ where: { sha256: correction.reportSha }, select: { id: true, regionId: true } });
    if (report) {
      await applyCorrections(tx, report.id, { afterExtraction: false });
      await refreshHeadlines(tx, report.regionId);
    }
  });
}

/**
 * Makes the report's Fact rows the machine's facts with, for each corrected figure, its latest change that is not
 * reverted. `afterExtraction`: the Fact rows were just written by the extractor, so a missing machine figure means
 * the extractor no longer finds it, and a figure whose characters moved is flagged for review.
 */
export async function applyCorrections(tx: Transaction, reportId: number, { afterExtraction }: { afterExtraction: boolean }): Promise<void> {
  const report = await tx.report.findUnique({ where: { id: reportId }, select: { sha256: true, regionId: true } });
  if (!report) return;
  const corrections = await tx.correction.findMany({ where: { reportSha: report.sha256 }, orderBy: { revision: "asc" } });
  if (!corrections.length) return;
  const sentences = new Map((await tx.sentence.findMany({ where: { reportId }, select: { id: true, index: true, text: true, start: true } })).map((s) => [s.index, s]));
  const byFigure = new Map<string, typeof corrections>();
  for (const correction of corrections) {
    const key = `${correction.sentenceIndex}:${correction.figureStart}:${correction.figureEnd}`;
    byFigure.set(key, [...(byFigure.get(key) ?? []), correction]);
  }
  for (const changes of byFigure.values()) {
    const first = changes[0];
    const sentence = sentences.get(first.sentenceIndex);
    const matches = sentence !== undefined && sentence.text.slice(first.figureStart, first.figureEnd) === first.figureText;
    if (!matches) {
      // The text changed under the figure (a newer extractor cleans or splits differently): keep every change, ask
      // an editor to look, and leave the machine's output as it is.
      if (afterExtraction) await tx.correction.updateMany({ where: { id: { in: changes.map((c) => c.id) } }, data: { needsReview: true } });
      continue;
    }
    const start = sentence.start + first.figureStart;
    const end = sentence.start + first.figureEnd;
    const existing = await tx.fact.findFirst({ where: { reportId, start, end }, select: FACT_FIELDS });
    const freshMachine: MachineSnapshot | null = afterExtraction && existing ? snapshotOf(existing) : null;
    const active = changes.filter((c) => !c.revertedAt);
    const latest = active.at(-1);
    const snapshot = freshMachine ?? ([...changes].reverse().find((c) => c.machine)?.machine as MachineSnapshot | undefined) ?? null;
    if (afterExtraction && latest && latest.action !== "add" && latest.action !== "reject" && !existing) {
      // The extractor no longer proposes this figure: the editor's word stands, flagged for a second look.
      await tx.correction.updateMany({ where: { id: { in: changes.map((c) => c.id) } }, data: { needsReview: true } });
    }
    await tx.fact.deleteMany({ where: { reportId, start, end } });
    let row: (FigureValues & { status: "machine" | "confirmed" | "corrected" | "added"; correctionId: number | null }) | null = null;
    if (!latest) row = snapshot ? { ...snapshot, status: "machine", correctionId: null } : null;
    else if (latest.action === "confirm") row = snapshot ? { ...snapshot, status: "confirmed", correctionId: latest.id } : null;
    else if (latest.action === "correct" || latest.action === "add") {
      row = {
        metric: latest.metric!, subject: latest.subject!, value: latest.value!, unit: latest.unit!, approx: latest.approx!, scope: latest.scope,
        status: latest.action === "add" ? "added" : "corrected", correctionId: latest.id,
      };
    }
    if (!row) continue; // rejected: not a fact
    await tx.fact.create({
      data: {
        reportId, regionId: report.regionId, sentenceId: sentence.id, metric: row.metric, subject: row.subject, value: row.value, unit: row.unit,
        approx: row.approx, ...codebookFields(row, snapshot), figure: first.figureText, start, end, status: row.status, correctionId: row.correctionId,
      },
    });
  }
}
