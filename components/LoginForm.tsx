"use client";
import { useState } from "react";

interface Labels { email: string; password: string; submit: string; wrong: string; tooMany: string; failed: string }

export function LoginForm({ next, labels }: { next: string; labels: Labels }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      const response = await fetch("/api/auth/sign-in/email", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ email: String(form.get("email") ?? "").trim(), password: String(form.get("password") ?? "") }),
      });
      if (response.ok) {
        window.location.assign(next);
        return;
      }
      if (response.status === 429) {
        const seconds = response.headers.get("Retry-After") ?? response.headers.get("X-Retry-After") ?? "60";
        setError(labels.tooMany.replace("{seconds}", seconds));
      } else if (response.status === 401 || response.status === 400) setError(labels.wrong);
      else setError(labels.failed.replace("{message}", String(response.status)));
    } catch (failure) {
      setError(labels.failed.replace("{message}", failure instanceof Error ? failure.message : String(failure)));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} className="mt-6 space-y-4" data-testid="login-form">
      <label className="block text-sm">
        {labels.email}
        <input name="email" type="email" required autoComplete="username" className="mt-1 block w-full rounded border border-stone-300 px-2 py-1.5" />
      </label>
      <label className="block text-sm">
        {labels.password}
        <input name="password" type="password" required autoComplete="current-password" className="mt-1 block w-full rounded border border-stone-300 px-2 py-1.5" />
      </label>
      {error && <p role="alert" className="text-sm text-red-700" data-testid="login-error">{error}</p>}
      <button type="submit" disabled={busy} className="rounded bg-sky-800 px-4 py-1.5 text-white disabled:opacity-50">{labels.submit}</button>
    </form>
  );
}
