import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: "动员图谱 Mobilization Atlas",
  description: "How Chinese regions mobilized party organizations during COVID-19, every figure traced to its source.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="zh-CN">
      <body className="min-h-screen bg-stone-50 text-stone-900 antialiased">{children}</body>
    </html>
  );
}
