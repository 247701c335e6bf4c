export function Notice({ children }: { children: React.ReactNode }) {
  return (
    <p role="status" className="mb-4 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
      {children}
    </p>
  );
}
