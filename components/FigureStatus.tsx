// The mark beside a figure an editor confirmed, corrected or added: who, when and why, as text (a title and a
// visually hidden note for screen readers), never as HTML.
import { t } from "@/lib/dashboard/i18n";
import type { Lang } from "@/lib/dashboard/metrics";
import type { CorrectionMark, FactStatus } from "@/lib/queries/shared";

const STATUS_KEYS = { machine: "statusMachine", confirmed: "statusConfirmed", corrected: "statusCorrected", added: "statusAdded" } as const;
const SYMBOLS: Record<FactStatus, string> = { machine: "", confirmed: "✓", corrected: "✎", added: "+" };

export function statusLabel(status: FactStatus, lang: Lang): string {
  return t(lang, STATUS_KEYS[status]);
}

export function correctionNote(status: FactStatus, correction: CorrectionMark | null, lang: Lang): string {
  if (!correction) return statusLabel(status, lang);
  return t(lang, "correctionBy", { status: statusLabel(status, lang), editor: correction.editor, at: correction.at.slice(0, 16).replace("T", " "), reason: correction.reason });
}

export function FigureStatus({ status, correction, lang }: { status: FactStatus; correction: CorrectionMark | null; lang: Lang }) {
  if (status === "machine") return null;
  const note = correctionNote(status, correction, lang);
  return (
    <sup className="figure-status ml-0.5 cursor-help text-xs text-emerald-700" title={note} data-testid="figure-status" data-status={status}>
      <span aria-hidden="true">{SYMBOLS[status]}</span>
      <span className="sr-only">{note}</span>
    </sup>
  );
}
