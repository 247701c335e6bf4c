"use client";
// A compare picker: a text field that takes a region's name as readers type it (or its slug), so that a page never
// lists every region. Without JavaScript the server resolves what was typed; with it, the field suggests regions with
// reports as one types (a native datalist, so the browser's own accessible list). The hidden field carries the slug
// shown or chosen, so a name submitted unchanged always means that region, even where names repeat (朝阳区).
import { useEffect, useId, useRef, useState } from "react";
import type { Lang } from "@/lib/dashboard/metrics";

interface Suggestion {
  slug: string;
  label: string;
  province: string;
}

export interface RegionPickerProps {
  name: "a" | "b";
  lang: Lang;
  label: string;
  region: { slug: string; label: string } | null;
}

export function RegionPicker({ name, lang, label, region }: RegionPickerProps) {
  const listId = useId();
  const [text, setText] = useState(region?.label ?? "");
  const [chosen, setChosen] = useState(region?.slug ?? "");
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  const pending = useRef<AbortController | null>(null);

  useEffect(() => {
    const query = text.trim();
    if (!query || query === region?.label) return;
    const timer = setTimeout(async () => {
      pending.current?.abort();
      const controller = (pending.current = new AbortController());
      try {
        const response = await fetch(`/api/regions/suggest?q=${encodeURIComponent(query)}&lang=${lang}`, { signal: controller.signal });
        if (response.ok) setSuggestions(((await response.json()) as { regions: Suggestion[] }).regions);
      } catch {
        // aborted by the next keystroke, or offline: the server still resolves what is typed
      }
    }, 120);
    return () => clearTimeout(timer);
  }, [text, lang, region?.label]);

  function onInput(value: string) {
    setText(value);
    // A suggestion picked from the list: remember its slug, so that its name means that region.
    const picked = suggestions.find((suggestion) => suggestion.label === value);
    if (picked) setChosen(picked.slug);
  }

  return (
    <label className="flex min-w-0 flex-col text-sm">
      <span className="text-stone-600">{label}</span>
      <input
        name={name}
        type="text"
        value={text}
        onChange={(event) => onInput(event.target.value)}
        list={listId}
        autoComplete="off"
        spellCheck={false}
        className="w-60 max-w-full rounded border border-stone-300 bg-white px-2 py-2"
        data-testid={`pick-${name}`}
      />
      <input type="hidden" name={`${name}0`} value={chosen} />
      <datalist id={listId}>
        {suggestions.map((suggestion) => (
          <option key={suggestion.slug} value={suggestion.label} label={suggestion.province} />
        ))}
      </datalist>
    </label>
  );
}
