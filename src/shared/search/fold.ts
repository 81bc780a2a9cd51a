/**
 * @module Vietnamese text as a collaborator types it: without tone marks, without case, đ as d, any spacing.
 * "nguyen van" finds "Nguyễn Văn"; "  DANG  thi " finds "Đặng Thị".
 */

/** Lower case, no diacritics, đ → d, one space between words, trimmed. Works on NFC and NFD input alike. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export function words(text: string): string[] {
  const folded = fold(text);
  return folded ? folded.split(' ') : [];
}

/** The index terms of a record: its folded words, and digit strings (CCCD, phone) as they are. */
export function searchTerms(...texts: (string | undefined)[]): string[] {
  const terms = new Set<string>();
  for (const text of texts) {
    if (!text) continue;
    for (const word of words(text)) terms.add(word);
  }
  return [...terms];
}

/** Does every word of the query start some term? ("ng v" matches "nguyen van"). */
export function matchesQuery(terms: readonly string[], query: string): boolean {
  return words(query).every((q) => terms.some((t) => t.startsWith(q)));
}
