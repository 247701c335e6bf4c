import { t } from "@/lib/dashboard/i18n";
import type { Lang } from "@/lib/dashboard/metrics";
import type { RepairView } from "@/lib/queries/report";

export function RepairList({ repairs, lang }: { repairs: RepairView[]; lang: Lang }) {
  const counts = new Map<string, number>();
  for (const repair of repairs) counts.set(repair.kind, (counts.get(repair.kind) ?? 0) + 1);
  return (
    <details className="rounded border border-stone-200 bg-white p-3">
      <summary className="cursor-pointer text-sm">
        {t(lang, "repairs")}: {repairs.length} ({[...counts].map(([kind, count]) => `${kind} ${count}`).join(", ") || "—"})
      </summary>
      <div className="mt-2 max-h-96 overflow-auto">
        <table className="w-full text-left text-xs">
          <thead className="text-stone-600">
            <tr><th className="pr-2">#</th><th className="pr-2">{t(lang, "repairKind")}</th><th className="pr-2">{t(lang, "before")}</th><th>{t(lang, "after")}</th></tr>
          </thead>
          <tbody>
            {repairs.map((repair, index) => (
              <tr key={index} className="border-t border-stone-100 align-top">
                <td className="pr-2 text-stone-600">{repair.start}</td>
                <td className="pr-2">{repair.kind}</td>
                <td className="pr-2 break-all font-mono">{repair.before.slice(0, 200)}</td>
                <td className="break-all font-mono">{repair.after.slice(0, 200)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
