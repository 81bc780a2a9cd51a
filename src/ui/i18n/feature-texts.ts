/**
 * @module Texts of one feature's screens, in both languages, in a module beside those screens: loaded with their
 * lazy chunk, not with the first screen (bench/app.ts, "JS transferred for the first screen", ≤ 120 KB). The
 * app-wide words and the messages of src/shared stay in vi.ts / en.ts; a feature's own sentences live here.
 */
import { useLanguage } from './index';

type Widen<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => string
    ? (...args: A) => string
    : T[K] extends string
      ? string
      : { [L in keyof T[K]]: string };
};

export interface FeatureTexts<T> {
  vi: T;
  /** Every Vietnamese key, in English (the type checker asks for each). */
  en: Widen<T>;
}

/** A feature's texts; `en` must name every key of `vi`. */
export const featureTexts = <const T>(texts: { vi: T; en: Widen<T> }): FeatureTexts<T> => texts;

/** The feature's texts in the language chosen (Vietnamese first). */
export function useFeatureTexts<T>(texts: FeatureTexts<T>): Widen<T> | T {
  return useLanguage() === 'en' ? texts.en : texts.vi;
}
