"use client";
// Admins' maintenance buttons: delete a report (after a confirmation and a reason), re-extract every report.
import { useState } from "react";

export function DeleteReportButton({ reportId, regionSlug, label, confirmText }: { reportId: number; regionSlug: string; label: string; confirmText: string }) {
  const [error, setError] = useState<string | null>(null);
  return (
    <span>
      <button
        type="button"
        className="rounded border border-red-300 px-2 py-0.5 text-sm text-red-800 hover:bg-red-50"
        data-testid="delete-report"
        onClick={async () => {
          if (!window.confirm(confirmText)) return;
          const reason = window.prompt("reason / 理由") ?? "";
          const response = await fetch(`/api/reports/${reportId}/delete`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ reason }) });
          if (response.ok) window.location.assign(`/regions/${regionSlug}`);
          else setError((await response.json().catch(() => ({}))).error ?? String(response.status));
        }}
      >
        {label}
      </button>
      {error && <span role="alert" className="ml-2 text-sm text-red-700">{error}</span>}
    </span>
  );
}

export function ReextractButton({ label }: { label: string }) {
  const [state, setState] = useState<string | null>(null);
  return (
    <span>
      <button
        type="button"
        className="rounded border border-stone-300 px-2 py-0.5 text-sm hover:bg-stone-100"
        data-testid="reextract-all"
        onClick={async () => {
          setState("…");
          const response = await fetch("/api/maintenance/reextract", { method: "POST" });
          const body = await response.json().catch(() => ({}));
          setState(response.ok ? `${body.reports} · ${body.facts}` : body.error ?? String(response.status));
        }}
      >
        {label}
      </button>
      {state && <span role="status" className="ml-2 text-sm">{state}</span>}
    </span>
  );
}
