/**
 * @module Help with a person's name as typed (issue 11, data entry): names are stored as the user typed them, but
 * the form offers the capitalised form ("huynh thi lien" → "Huynh Thi Lien") and warns when a name has no
 * Vietnamese diacritics at all (Huỳnh Thị Liên cannot be derived from it). Neither ever blocks a save.
 */
import { useT } from './i18n';

/** Each word with a capital first letter and the rest small, spaces collapsed: "huynh  THI lien" → "Huynh Thi Lien". */
export function capitalisedName(text: string): string {
  return text
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => word.charAt(0).toLocaleUpperCase('vi') + word.slice(1).toLocaleLowerCase('vi'))
    .join(' ');
}

/** A name with letters, none of them carrying a Vietnamese diacritic (nor đ): most likely typed without them. */
export function lacksDiacritics(text: string): boolean {
  return /[a-z]/i.test(text) && !/[^ -~]/.test(text.replace(/\s/g, ' '));
}

/** Under a name field once it has been left: the capitalised form to use in one tap, and the diacritics warning. */
export function NameHints(props: { name: string; value: string; onUse: (value: string) => void }) {
  const t = useT();
  const suggestion = capitalisedName(props.value);
  const offer = suggestion !== '' && suggestion !== props.value.trim();
  const warn = lacksDiacritics(props.value);
  if (!offer && !warn) return null;
  return (
    <div class="suggestion" data-testid={`${props.name}-hints`}>
      {offer && (
        <>
          <span>{t.capitalisedName}</span>
          <button type="button" class="secondary" onClick={() => props.onUse(suggestion)}>
            {t.useName(suggestion)}
          </button>
        </>
      )}
      {warn && <span class="hint">{t.nameWithoutDiacritics}</span>}
    </div>
  );
}
