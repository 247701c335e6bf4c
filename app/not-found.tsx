import Link from "next/link";

export default function NotFound() {
  return (
    <main id="main" tabIndex={-1} className="mx-auto max-w-xl px-4 py-16 text-center">
      <h1 className="text-2xl font-semibold">找不到该页面 · Page not found</h1>
      <p className="mt-3 text-stone-600">该地区或报道不存在。The region or report does not exist.</p>
      <p className="mt-6"><Link href="/" className="text-sky-800 hover:underline">返回概览 · Back to the overview</Link></p>
    </main>
  );
}
