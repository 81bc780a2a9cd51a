/** @module Field patches: how an edit travels (only the fields that changed, each with the version it was based on). */

/** A field's new value (null clears it) and the record version the user saw when changing it (0: none yet). */
export type FieldPatch = Record<string, [value: unknown, base: number]>;

/** Lays patches over a record's data: later patches win, null removes an optional field. */
export function applyFieldValues(
  data: Record<string, unknown> | undefined,
  patch: FieldPatch,
): Record<string, unknown> {
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

/**
 * The value as JSON with object keys sorted. Walks with its own stack, not recursion: a value stored before
 * values were bounded (src/shared/json-value.ts) can be thousands of levels deep, and comparing with it must
 * not overflow the server's stack (that was a 500 on every retry).
 */
function canonical(root: unknown): string {
  const out: string[] = [];
  const work: ({ text: string } | { value: unknown })[] = [{ value: root }];
  while (work.length > 0) {
    const item = work.pop()!;
    if ('text' in item) {
      out.push(item.text);
      continue;
    }
    const value = item.value;
    if (Array.isArray(value)) {
      work.push({ text: ']' });
      for (let i = value.length - 1; i >= 0; i--) {
        work.push({ value: value[i] });
        if (i > 0) work.push({ text: ',' });
      }
      work.push({ text: '[' });
    } else if (value && typeof value === 'object') {
      const entries = Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      work.push({ text: '}' });
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, v] = entries[i]!;
        work.push({ value: v });
        work.push({ text: `${i > 0 ? ',' : ''}${JSON.stringify(key)}:` });
      }
      work.push({ text: '{' });
    } else {
      out.push(JSON.stringify(value) ?? 'null');
    }
  }
  return out.join('');
}
