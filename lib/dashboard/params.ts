// Query parameters as pages receive them (string, string[] or missing), read defensively: a bad value falls back
// to a sensible default and yields a notice instead of an error.
export type SearchParams = Record<string, string | string[] | undefined>;

export function firstParam(params: SearchParams, key: string): string | undefined {
  const value = params[key];
  return Array.isArray(value) ? value[0] : value;
}

export function positiveIntParam(params: SearchParams, key: string): { value: number; invalid: boolean } {
  const raw = firstParam(params, key);
  if (raw === undefined || raw === "") return { value: 1, invalid: false };
  const value = Number(raw);
  return Number.isSafeInteger(value) && value > 0 ? { value, invalid: false } : { value: 1, invalid: true };
}
