"use client";
// An admin undoes one change (POST /api/corrections/<id>/revert); the row stays in the history, marked reverted.
import { useState } from "react";

export function RevertButton({ id, label }: { id: number; label: string }) {
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <button
        type="button"
        className="rounded border border-red-300 px-2 py-0.5 text-red-800 hover:bg-red-50"
        data-testid="revert"
        onClick={async () => {
          const response = await fetch(`/api/corrections/${id}/revert`, { method: "POST" });
          if (response.ok) window.location.reload();
          else setError((await response.json().catch(() => ({}))).error ?? String(response.status));
        }}
      >
        {label}
      </button>
      {error && <span role="alert" className="ml-1 text-red-700">{error}</span>}
    </>
  );
}
