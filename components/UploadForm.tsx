"use client";
// /reports/new: a file or pasted text → a preview from POST /api/reports/preview (nothing stored) → the editor fixes
// region, title and date → POST /api/reports stores it. Everything shown is text (React escapes it), never HTML.
import { useRef, useState } from "react";
import type { UploadPreview } from "@/lib/db/upload";
import type { RegionInfo } from "@/lib/extract/types";
import type { Lang } from "@/lib/dashboard/metrics";

export type UploadLabels = Record<
  "reportFile" | "orPaste" | "sourceUrl" | "dateOptional" | "preview" | "save" | "region" | "detectedRegion" | "otherCandidates" | "searchGazetteer" | "title" | "outlet" | "authors" | "encoding" | "repairs" | "before" | "after" | "sentences" | "figures" | "duplicateReport" | "working" | "chooseFile" | "noFiguresFound" | "metric" | "value" | "subject" | "scope" | "approximation",
  string
>;

const regionLabel = (region: RegionInfo, lang: Lang) => (lang === "en" ? `${region.nameEn} (${region.name}, ${region.province})` : `${region.name}（${region.province}）`);

export function UploadForm({ labels, metricLabels, lang }: { labels: UploadLabels; metricLabels: Record<string, string>; lang: Lang }) {
  const fileInput = useRef<HTMLInputElement>(null);
  const [pasted, setPasted] = useState("");
  const [url, setUrl] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<UploadPreview | null>(null);
  const [region, setRegion] = useState<string | undefined>();
  const [title, setTitle] = useState("");
  const [date, setDate] = useState("");
  const [query, setQuery] = useState("");
  const [matches, setMatches] = useState<RegionInfo[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  function chosenFile(): File | null {
    const picked = fileInput.current?.files?.[0];
    if (picked) return picked;
    if (pasted.trim()) return new File([pasted], "pasted.txt", { type: "text/plain;charset=utf-8" });
    return null;
  }

  function form(target: File, extra: Record<string, string | undefined>): FormData {
    const body = new FormData();
    body.set("file", target);
    for (const [key, value] of Object.entries(extra)) if (value) body.set(key, value);
    return body;
  }

  async function runPreview(target: File, regionName?: string, keepEdits = false) {
    setBusy(true);
    setError(null);
    try {
      const response = await fetch("/api/reports/preview", { method: "POST", body: form(target, { region: regionName, date: keepEdits ? undefined : date || undefined, url: url || undefined }) });
      const body = await response.json();
      if (!response.ok) {
        setError(body.error ?? String(response.status));
        return;
      }
      const next = body as UploadPreview;
      setFile(target);
      setPreview(next);
      setRegion(regionName);
      if (!keepEdits) {
        setTitle(next.title ?? "");
        setDate(next.publishedAt ?? "");
      }
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  }

  async function search(text: string) {
    setQuery(text);
    if (!text.trim()) return setMatches([]);
    const response = await fetch(`/api/gazetteer?q=${encodeURIComponent(text)}`);
    if (response.ok) setMatches((await response.json()).regions);
  }

  async function save() {
    if (!file || !preview) return;
    setBusy(true);
    setError(null);
    try {
      const response = await fetch("/api/reports", { method: "POST", body: form(file, { region, title: title.trim() || undefined, date: date || undefined, url: url || undefined }) });
      const body = await response.json();
      if (response.status === 201 || response.status === 409) {
        window.location.assign(`/reports/${body.id}${lang === "en" ? "?lang=en" : ""}`);
        return;
      }
      setError(body.error ?? String(response.status));
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  }

  const sentenceFacts = new Map<number, UploadPreview["facts"]>();
  for (const fact of preview?.facts ?? []) sentenceFacts.set(fact.sentence, [...(sentenceFacts.get(fact.sentence) ?? []), fact]);

  return (
    <div className="mt-4 space-y-6">
      <form
        className="space-y-3 rounded border border-stone-200 bg-white p-4"
        data-testid="upload-form"
        onSubmit={(event) => {
          event.preventDefault();
          const target = chosenFile();
          if (!target) return setError(labels.chooseFile);
          void runPreview(target);
        }}
      >
        <label className="block text-sm">{labels.reportFile}<input ref={fileInput} name="file" type="file" className="mt-1 block" data-testid="upload-file" /></label>
        <label className="block text-sm">{labels.orPaste}<textarea value={pasted} onChange={(event) => setPasted(event.target.value)} rows={4} className="mt-1 block w-full rounded border border-stone-300 p-2" data-testid="upload-text" /></label>
        <div className="flex flex-wrap gap-4">
          <label className="block text-sm">{labels.sourceUrl}<input type="url" value={url} onChange={(event) => setUrl(event.target.value)} className="mt-1 block w-80 rounded border border-stone-300 px-2 py-1" /></label>
          <label className="block text-sm">{labels.dateOptional}<input type="date" value={date} onChange={(event) => setDate(event.target.value)} className="mt-1 block rounded border border-stone-300 px-2 py-1" /></label>
        </div>
        <button type="submit" disabled={busy} className="rounded bg-sky-800 px-4 py-1.5 text-white disabled:opacity-50" data-testid="preview-button">{busy ? labels.working : labels.preview}</button>
      </form>

      {error && <p role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="upload-error">{error}</p>}

      {preview && (
        <section className="space-y-4 rounded border border-stone-200 bg-white p-4" data-testid="upload-preview">
          {preview.duplicate && (
            <p role="status" className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm" data-testid="upload-duplicate">
              {labels.duplicateReport}<a className="text-sky-800 underline" href={`/reports/${preview.duplicate.id}`}>{preview.duplicate.title ?? `#${preview.duplicate.id}`}</a>
            </p>
          )}
          <div>
            <h2 className="font-semibold">{labels.region}</h2>
            <p className="text-sm" data-testid="preview-region">{labels.detectedRegion}: <strong>{regionLabel(preview.region, lang)}</strong></p>
            {preview.regionCandidates.length > 0 && (
              <p className="mt-1 text-sm">{labels.otherCandidates}:{" "}
                {preview.regionCandidates.map((candidate) => (
                  <button key={candidate.slug} type="button" className="mr-2 text-sky-800 underline" onClick={() => file && runPreview(file, candidate.name, true)}>{regionLabel(candidate, lang)}</button>
                ))}
              </p>
            )}
            <label className="mt-2 block text-sm">{labels.searchGazetteer}
              <input value={query} onChange={(event) => void search(event.target.value)} className="ml-2 rounded border border-stone-300 px-2 py-1" data-testid="region-search" />
            </label>
            {matches.length > 0 && (
              <ul className="mt-1 max-h-48 overflow-auto text-sm" data-testid="region-matches">
                {matches.map((match) => (
                  <li key={match.slug}><button type="button" className="text-sky-800 hover:underline" onClick={() => { setMatches([]); setQuery(""); if (file) void runPreview(file, match.name, true); }}>{regionLabel(match, lang)}</button></li>
                ))}
              </ul>
            )}
          </div>
          <div className="flex flex-wrap gap-4">
            <label className="block text-sm">{labels.title}<input value={title} onChange={(event) => setTitle(event.target.value)} className="mt-1 block w-[32rem] max-w-full rounded border border-stone-300 px-2 py-1" data-testid="preview-title" /></label>
            <label className="block text-sm">{labels.dateOptional}<input type="date" value={date} onChange={(event) => setDate(event.target.value)} className="mt-1 block rounded border border-stone-300 px-2 py-1" data-testid="preview-date" /></label>
          </div>
          <p className="text-sm text-stone-600">{labels.outlet}: {preview.outlet ?? "—"} · {labels.authors}: {preview.authors.join("、") || "—"} · {labels.encoding}: {preview.encoding}</p>
          {preview.repairs.length > 0 && (
            <details className="text-sm">
              <summary>{labels.repairs} ({preview.repairs.length})</summary>
              <ul>{preview.repairs.slice(0, 200).map((repair, index) => <li key={index}>{repair.kind}: {repair.before} → {repair.after}</li>)}</ul>
            </details>
          )}
          <div>
            <h2 className="font-semibold">{labels.sentences} · {labels.figures} ({preview.facts.length})</h2>
            {preview.facts.length === 0 && <p className="text-sm text-stone-600">{labels.noFiguresFound}</p>}
            <ol className="mt-2 space-y-1 text-sm" data-testid="preview-sentences">
              {preview.sentences.map((sentence) => (
                <li key={sentence.index}>
                  <span className="text-stone-500">{sentence.index} </span>{sentence.text}
                  {(sentenceFacts.get(sentence.index) ?? []).map((fact, index) => (
                    <span key={index} className="ml-2 rounded bg-amber-100 px-1 text-xs" data-testid="preview-fact">
                      {metricLabels[fact.metric] ?? fact.metric}: {fact.figure} = {fact.value.toLocaleString()} {fact.unit}{fact.scope.name ? ` · ${fact.scope.name}` : ""} · {fact.subject}
                    </span>
                  ))}
                </li>
              ))}
            </ol>
          </div>
          <button type="button" disabled={busy} onClick={() => void save()} className="rounded bg-emerald-700 px-4 py-1.5 text-white disabled:opacity-50" data-testid="save-button">{busy ? labels.working : labels.save}</button>
        </section>
      )}
    </div>
  );
}
