/**
 * @module The rules engine's explanation as a person reads it: the engine's codes ("drilled-well", "health-insurance")
 * become the screen's labels, a legal reference is given in the form of the chosen language ("Điều 3 khoản 1
 * điểm b" in Vietnamese, "Art. 3(1)(b)" in English), and the provisional rules are said once per reason with
 * the indicators it concerns — not once per rule with its internal id.
 */
import { packNames, type PovertyAnswer } from '../../domain';

type Lang = 'vi' | 'en';
type Rule = PovertyAnswer['explanation']['rules'][number];

/** Replaces each code the engine put in a text by its label: hyphenated codes anywhere, one-word codes in brackets. */
export function plainText(text: string, labels: ReadonlyMap<string, string>): string {
  return text
    .replace(/\(([a-z]+(?:-[a-z]+)*)\)/g, (whole, code: string) => (labels.has(code) ? `(${labels.get(code)})` : whole))
    .replace(/\b[a-z]+(?:-[a-z]+)+\b/g, (code) => labels.get(code) ?? code);
}

/** "Điều 3 khoản 1 điểm b / Art. 3(1)(b)": the part in the language asked for (the whole when there is one part). */
export function legalReference(article: string, lang: Lang): string {
  const parts = article.split(' / ');
  if (parts.length < 2) return article;
  const english = parts.find((p) => /^Art\./.test(p.trim()));
  const vietnamese = parts.find((p) => p !== english);
  return ((lang === 'en' ? english : vietnamese) ?? article).trim();
}

/** A rule's legal basis as a person cites it: "Nghị định 20/2021/NĐ-CP, Điều 12 khoản 1 điểm b" (no English part). */
export function legalBasisText(basis: { document: string; article: string }, lang: Lang): string {
  return `${basis.document}, ${legalReference(basis.article, lang)}`;
}

export interface ProvisionalGroup {
  /** Why these rules are not confirmed, said once. */
  readonly note: string;
  /** What they are about (the indicators' names), in the order of the explanation. */
  readonly titles: readonly string[];
}

/** The provisional rules, one line per reason; notes the engine wrote about anything else stay as they are. */
export function provisionalGroups(answer: PovertyAnswer, lang: Lang): { groups: ProvisionalGroup[]; other: string[] } {
  const provisional = answer.explanation.rules.filter((rule) => rule.status === 'provisional');
  const byNote = new Map<string, string[]>();
  for (const rule of provisional) {
    const note = rule.note?.[lang] ?? '';
    byNote.set(note, [...(byNote.get(note) ?? []), rule.title[lang]]);
  }
  const other = answer.explanation.provisionalNotes
    .map((note) => note[lang])
    .filter((text) => !provisional.some((rule) => text.includes(rule.id)));
  return { groups: [...byNote].map(([note, titles]) => ({ note, titles })), other: [...new Set(other)] };
}

export interface LegalBasisLine {
  readonly reference: string;
  readonly titles: readonly string[];
}

/** The legal basis, one line per document and article, with what each is about; no rule ids. */
export function legalBasisLines(rules: readonly Rule[], lang: Lang): LegalBasisLine[] {
  const lines = new Map<string, string[]>();
  for (const rule of rules) {
    const reference = legalBasisText(rule.legalBasis, lang);
    lines.set(reference, [...(lines.get(reference) ?? []), rule.title[lang]]);
  }
  return [...lines].map(([reference, titles]) => ({ reference, titles }));
}

/**
 * Which rules the answer applied, as a person reads it: the packs by name ("Quy định toàn quốc", "Tỉnh Quảng Ngãi")
 * and the day they are taken as in force — never the snapshot's id ("vn+quang-ngai@2026-09-01").
 */
export function rulePackOf(answer: PovertyAnswer, lang: Lang): { packs: string[]; asOf: string } {
  return { packs: packNames(answer.rulePack.packs).map((name) => name[lang]), asOf: answer.rulePack.asOf };
}
