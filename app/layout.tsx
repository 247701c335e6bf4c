import type { Metadata } from "next";
import { headers } from "next/headers";
import { htmlLang, parseLang } from "@/lib/dashboard/i18n";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "动员图谱 Mobilization Atlas", template: "%s · 动员图谱 Mobilization Atlas" },
  description: "How Chinese regions mobilized party organizations during COVID-19, every figure traced to its source.",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // A layout gets no search parameters: proxy.ts passes the page's ?lang on as a request header.
  const lang = parseLang((await headers()).get("x-atlas-lang"));
  return (
    <html lang={htmlLang(lang)}>
      <body className="min-h-screen bg-stone-50 text-stone-900 antialiased">{children}</body>
    </html>
  );
}
