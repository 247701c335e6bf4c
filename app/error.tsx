"use client";
// Shown when a page cannot read the database (or fails otherwise); "try again" re-renders once it is back.
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main id="main" tabIndex={-1} className="mx-auto max-w-xl px-4 py-16 text-center">
      <h1 className="text-2xl font-semibold">数据暂时无法读取 · The data is unavailable</h1>
      <p className="mt-3 text-stone-600">
        数据库可能暂时无法连接，请稍后重试。The database may be unreachable; the page works again as soon as it is back.
      </p>
      <button type="button" onClick={reset} className="mt-6 rounded bg-sky-800 px-4 py-2 text-white">重试 · Try again</button>
    </main>
  );
}
