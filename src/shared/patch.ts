/** @module Field patches: how an edit travels (only the fields that changed, each with the version it was based on). */

/** A field's new value (null clears it) and the record version the user saw when changing it (0: none yet). */
export type FieldPatch = Record<string, [value: unknown, base: number]>;

/** Lays patches over a record's data: later patches win, null removes an optional field. */
export function applyFieldValues(data: Record<string, unknown> | undefined, patch: FieldPatch): Record<string, unknown> {
  const next: Record<string, unknown> = { ...data };
  for (const [field, [value]] of Object.entries(patch)) {
    if (value === null) delete next[field];
    else next[field] = value;
  }
  return next;
}

/** Values compared the way a user would: same content, whatever the order of object keys. */
export function sameValue(a: unknown, b: unknown): boolean {
  return canonical(a ?? null) === canonical(b ?? null);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
