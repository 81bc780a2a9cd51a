/** @module The allowance form's texts in the user's language, with the app's own (src/ui/i18n). */
import { useLanguage, useT } from '../i18n';
import { allowanceVi } from '../i18n/allowance-vi';
import { allowanceEn } from '../i18n/allowance-en';

export function useAllowanceT() {
  const t = useT();
  const lang = useLanguage();
  return { ...t, ...(lang === 'en' ? allowanceEn : allowanceVi) };
}
