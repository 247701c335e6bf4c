"use client";
// Editors check the figures of a report: confirm one, say it is not a fact, correct its fields, or add one the
// extractor missed by selecting its characters in a sentence. Every change needs a reason and is saved against
// the figure's revision, so that a change made meanwhile by someone else is reported (409), not overwritten.
import { useState } from "react";
import type { FigureView } from "@/lib/queries/report";

type Action = "confirm" | "reject" | "correct" | "add";

export interface CorrectionLabels {
  title: string; confirm: string; notAFact: string; edit: string; addFigure: string; addSelected: string; sentenceNumber: string;
  characters: string; metric: string; value: string; unit: string; approximation: string; scope: string; subject: string; reason: string;
  save: string; cancel: string; stale: string; status: string; statuses: Record<string, string>;
}

interface Draft {
  action: Action;
  sentenceIndex: number;
  start: number;
  end: number;
  figure: string;
  baseRevision: number;
  metric: string; value: string; unit: string; approx: string; scope: string; subject: string; reason: string;
}

interface SentenceInput { index: number; text: string; figures: FigureView[] }

export function CorrectionPanel({ reportId, sentences, labels, metricLabels, approxLabels }: { reportId: number; sentences: SentenceInput[]; labels: CorrectionLabels; metricLabels: Record<string, string>; approxLabels: Record<string, string> }) {
  const [draft, setDraft] = useState<Draft | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  function open(action: Action, sentenceIndex: number, figure: FigureView) {
    setError(null);
    setDraft({
      action, sentenceIndex, start: figure.start, end: figure.end, figure: figure.figure, baseRevision: figure.revision,
      metric: figure.metric, value: String(figure.value), unit: figure.unit, approx: figure.approx, scope: figure.scope ?? "", subject: figure.subject, reason: "",
    });
  }

  /** The selection's offsets in the clean text of the sentence it lies in (its <p data-sentence>). */
  function openFromSelection() {
    setError(null);
    const selection = window.getSelection();
    const range = selection && selection.rangeCount ? selection.getRangeAt(0) : null;
    const container = range ? (range.startContainer.nodeType === 1 ? (range.startContainer as Element) : range.startContainer.parentElement)?.closest("[data-sentence]") : null;
    let sentenceIndex = sentences[0]?.index ?? 0;
    let start = 0;
    let end = 0;
    if (range && container && container.contains(range.endContainer)) {
      const before = document.createRange();
      before.selectNodeContents(container);
      before.setEnd(range.startContainer, range.startOffset);
      sentenceIndex = Number(container.getAttribute("data-sentence"));
      start = before.toString().length;
      end = start + range.toString().length;
    }
    const text = sentences.find((s) => s.index === sentenceIndex)?.text ?? "";
    setDraft({ action: "add", sentenceIndex, start, end, figure: text.slice(start, end), baseRevision: 0, metric: "other", value: "", unit: "", approx: "exact", scope: "", subject: "", reason: "" });
  }

  async function save() {
    if (!draft) return;
    let { start, end } = draft;
    if (draft.action === "add") {
      // Typed characters instead of a selection: their first place in the sentence.
      const text = sentences.find((s) => s.index === draft.sentenceIndex)?.text ?? "";
      if (text.slice(start, end) !== draft.figure) {
        start = text.indexOf(draft.figure);
        end = start + draft.figure.length;
      }
      if (start < 0 || !draft.figure) return setError(`${labels.characters}: “${draft.figure}” ∉ #${draft.sentenceIndex}`);
    }
    setBusy(true);
    setError(null);
    try {
      const values = draft.action === "correct" || draft.action === "add"
        ? { metric: draft.metric, value: Number(draft.value), unit: draft.unit, approx: draft.approx, scope: draft.scope || null, subject: draft.subject }
        : undefined;
      const response = await fetch("/api/corrections", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ reportId, sentenceIndex: draft.sentenceIndex, start, end, action: draft.action, values, reason: draft.reason, baseRevision: draft.baseRevision }),
      });
      if (response.status === 201) {
        window.location.reload();
        return;
      }
      const body = await response.json().catch(() => ({}));
      setError(response.status === 409 ? labels.stale : body.error ?? String(response.status));
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  }

  const field = (name: keyof Draft, label: string, input: React.ReactNode) => (
    <label className="block text-xs" key={name}>{label}{input}</label>
  );
  const text = (name: "value" | "unit" | "scope" | "subject" | "figure", label: string) =>
    field(name, label, <input value={draft?.[name] ?? ""} onChange={(event) => setDraft((d) => d && { ...d, [name]: event.target.value })} className="mt-0.5 block w-32 rounded border border-stone-300 px-1.5 py-0.5 text-sm" data-testid={`correction-${name}`} />);

  return (
    <section className="mt-6 rounded border border-sky-200 bg-sky-50/40 p-4" data-testid="correction-panel">
      <h2 className="font-semibold">{labels.title}</h2>
      <table className="mt-2 w-full text-left text-sm">
        <thead className="text-xs text-stone-600">
          <tr><th>#</th><th>{labels.characters}</th><th>{labels.metric}</th><th>{labels.value}</th><th>{labels.subject}</th><th>{labels.scope}</th><th>{labels.status}</th><th /></tr>
        </thead>
        <tbody>
          {sentences.flatMap((sentence) => sentence.figures.map((figure) => (
            <tr key={`${sentence.index}:${figure.start}:${figure.end}`} className="border-t border-stone-200" data-testid="correction-row" data-figure={figure.figure}>
              <td>{sentence.index}</td>
              <td>{figure.figure}</td>
              <td>{metricLabels[figure.metric] ?? figure.metric}</td>
              <td>{figure.value.toLocaleString()} {figure.unit} {approxLabels[figure.approx] ?? ""}</td>
              <td>{figure.subject}</td>
              <td>{figure.scope ?? "—"}</td>
              <td>{labels.statuses[figure.status] ?? figure.status}</td>
              <td className="space-x-1 whitespace-nowrap">
                <button type="button" className="rounded border border-stone-300 px-1.5 text-xs" onClick={() => open("confirm", sentence.index, figure)} data-testid="action-confirm">{labels.confirm}</button>
                <button type="button" className="rounded border border-stone-300 px-1.5 text-xs" onClick={() => open("correct", sentence.index, figure)} data-testid="action-correct">{labels.edit}</button>
                <button type="button" className="rounded border border-stone-300 px-1.5 text-xs" onClick={() => open("reject", sentence.index, figure)} data-testid="action-reject">{labels.notAFact}</button>
              </td>
            </tr>
          )))}
        </tbody>
      </table>
      <p className="mt-3"><button type="button" className="rounded border border-sky-700 px-2 py-0.5 text-sm text-sky-800" onMouseDown={(event) => event.preventDefault()} onClick={openFromSelection} data-testid="action-add">{labels.addFigure}</button> <span className="text-xs text-stone-500">{labels.addSelected}</span></p>

      {draft && (
        <form className="mt-3 space-y-2 rounded border border-stone-300 bg-white p-3" data-testid="correction-form" onSubmit={(event) => { event.preventDefault(); void save(); }}>
          <p className="text-sm font-medium">{{ confirm: labels.confirm, reject: labels.notAFact, correct: labels.edit, add: labels.addFigure }[draft.action]} · #{draft.sentenceIndex} · {draft.figure}</p>
          {(draft.action === "correct" || draft.action === "add") && (
            <div className="flex flex-wrap gap-3">
              {draft.action === "add" && field("sentenceIndex", labels.sentenceNumber, <input type="number" min={0} value={draft.sentenceIndex} onChange={(event) => setDraft((d) => d && { ...d, sentenceIndex: Number(event.target.value) })} className="mt-0.5 block w-16 rounded border border-stone-300 px-1.5 py-0.5 text-sm" />)}
              {draft.action === "add" && text("figure", labels.characters)}
              {field("metric", labels.metric, <select value={draft.metric} onChange={(event) => setDraft((d) => d && { ...d, metric: event.target.value })} className="mt-0.5 block rounded border border-stone-300 text-sm" data-testid="correction-metric">{Object.entries(metricLabels).map(([key, label]) => <option key={key} value={key}>{label}</option>)}</select>)}
              {text("value", labels.value)}
              {text("unit", labels.unit)}
              {field("approx", labels.approximation, <select value={draft.approx} onChange={(event) => setDraft((d) => d && { ...d, approx: event.target.value })} className="mt-0.5 block rounded border border-stone-300 text-sm">{Object.entries(approxLabels).map(([key, label]) => <option key={key} value={key}>{label}</option>)}</select>)}
              {text("scope", labels.scope)}
              {text("subject", labels.subject)}
            </div>
          )}
          <label className="block text-xs">{labels.reason}<input required minLength={3} maxLength={500} value={draft.reason} onChange={(event) => setDraft((d) => d && { ...d, reason: event.target.value })} className="mt-0.5 block w-full rounded border border-stone-300 px-1.5 py-0.5 text-sm" data-testid="correction-reason" /></label>
          {error && <p role="alert" className="text-sm text-red-700" data-testid="correction-error">{error}</p>}
          <div className="space-x-2">
            <button type="submit" disabled={busy} className="rounded bg-sky-800 px-3 py-1 text-sm text-white disabled:opacity-50" data-testid="correction-save">{labels.save}</button>
            <button type="button" onClick={() => setDraft(null)} className="rounded border border-stone-300 px-3 py-1 text-sm">{labels.cancel}</button>
          </div>
        </form>
      )}
    </section>
  );
}
