/**
 * @module What the allowance desk's screens share: their texts with the app's own, the words lists use, who may
 * read HIV status, a month as written.
 */
import type { Role } from '../../shared/roles';
import { useLanguage, useT } from '../i18n';
import { useDeskTexts } from './desk-texts';
import type { ListWords } from './lists';

/** Who may read HIV status and the words that tell it (the server sends it to no one else). */
export const SEES_SENSITIVE: readonly Role[] = ['commune_officer', 'province_staff', 'admin'];

/** The app's texts and the desk's own, in the user's language. */
export function useDeskT() {
  return { ...useT(), ...useDeskTexts() };
}
export type DeskT = ReturnType<typeof useDeskT>;

export function useListWords(): ListWords {
  const t = useDeskT();
  const lang = useLanguage();
  return {
    lang,
    neutralCategory: t.allowanceNeutralCategory,
    neutralForm: t.allowanceNeutralForm,
  };
}

/** "2026-04" → "04/2026". */
export const formatMonth = (month: string | undefined) => (month ? `${month.slice(5, 7)}/${month.slice(0, 4)}` : '');
