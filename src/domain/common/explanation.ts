// Every answer explains itself in Vietnamese and English: which rules, which legal texts, which inputs, and whether
// an uncertain rule was used. The UI shows `provisional` as "chưa xác nhận".
import type { Bilingual, CitedRule } from './rule';

export interface Explanation {
  /** Lines of reasoning, in order, each in both languages. */
  readonly steps: readonly Bilingual[];
  /** Every rule the answer relied on (deduplicated by id). */
  readonly rules: readonly CitedRule[];
  /** The inputs that mattered, by name, as given or as derived. */
  readonly inputsUsed: Readonly<Record<string, unknown>>;
  /** True when any rule relied on is marked provisional ([U] in docs/sources.md). */
  readonly provisional: boolean;
  /** What was uncertain, in both languages (empty when nothing was). */
  readonly provisionalNotes: readonly Bilingual[];
}

/** Collects steps and cited rules while an answer is being built; `done()` seals it. */
export class ExplanationBuilder {
  private readonly steps: Bilingual[] = [];
  private readonly rules = new Map<string, CitedRule>();
  private readonly notes: Bilingual[] = [];
  private readonly inputs: Record<string, unknown> = {};

  step(vi: string, en: string): this {
    this.steps.push({ vi, en });
    return this;
  }

  use(rule: CitedRule, note?: Bilingual): this {
    if (!this.rules.has(rule.id)) this.rules.set(rule.id, rule);
    if (rule.status === 'provisional') this.flag(note ?? provisionalRuleNote(rule));
    return this;
  }

  /** Marks the answer provisional for a reason that is not a single rule (e.g. a configurable list). */
  flag(note: Bilingual): this {
    if (!this.notes.some((n) => n.en === note.en)) this.notes.push(note);
    return this;
  }

  input(name: string, value: unknown): this {
    this.inputs[name] = value;
    return this;
  }

  get citedRules(): readonly CitedRule[] {
    return [...this.rules.values()];
  }

  done(): Explanation {
    return {
      steps: [...this.steps],
      rules: [...this.rules.values()],
      inputsUsed: { ...this.inputs },
      provisional: this.notes.length > 0,
      provisionalNotes: [...this.notes],
    };
  }
}

function provisionalRuleNote(rule: CitedRule): Bilingual {
  const why = rule.note;
  return {
    vi: `Quy định "${rule.title.vi}" (${rule.id}) chưa được xác nhận với văn bản chính thức${why ? `: ${why.vi}` : '.'}`,
    en: `Rule "${rule.title.en}" (${rule.id}) is not yet confirmed against the official text${why ? `: ${why.en}` : '.'}`,
  };
}

/** Digit grouping without Intl, so the text is the same on every device: 1.250.000 đồng / VND 1,250,000. */
function group(amount: number, separator: string): string {
  return String(Math.trunc(amount)).replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}
export const formatVnd = (amount: number): string => `${group(amount, '.')} đồng`;
export const formatVndEn = (amount: number): string => `VND ${group(amount, ',')}`;
