/**
 * @module The village of a household, picked from its commune's list (issue 11): typing filters the list with
 * diacritics and case aside ("an binh" offers "Thôn An Bình"), a tap takes the listed name. A village the list
 * lacks is typed under "Khác (ghi rõ)" and added for the commune officer to review.
 */
import { TextField } from '../fields';
import { useT } from '../i18n';
import { matchVillages, sameVillage, type LocalVillage } from '../../db/villages';

/** At most this many villages are offered at once; typing narrows them. */
const OFFERED = 8;

export function VillagePicker(props: {
  value: string;
  villages: readonly LocalVillage[];
  other: boolean;
  error: string | undefined;
  onInput: (value: string) => void;
  onOther: (other: boolean) => void;
}) {
  const t = useT();
  const listed = sameVillage(props.villages, props.value);
  const offered = props.other || listed ? [] : matchVillages(props.villages, props.value).slice(0, OFFERED);
  return (
    <div class="village-picker">
      <TextField
        name="village"
        label={t.village}
        value={props.value}
        onInput={props.onInput}
        error={props.error}
        hint={
          props.other
            ? t.villageForReview
            : listed?.status === 'other'
              ? t.villageAwaitsReview
              : props.villages.length > 0
                ? t.villagePickHint
                : undefined
        }
      />
      {offered.length > 0 && (
        <ul class="suggestion plain" data-testid="village-options">
          {offered.map((village) => (
            <li key={village.id}>
              <button type="button" class="secondary" onClick={() => props.onInput(village.name)}>
                {village.name}
              </button>
            </li>
          ))}
        </ul>
      )}
      {props.villages.length > 0 && (
        <label class="check">
          <input type="checkbox" checked={props.other} onChange={(e) => props.onOther(e.currentTarget.checked)} />
          {t.villageOther}
        </label>
      )}
    </div>
  );
}

/**
 * What the household form saves as its village: the listed name when the typed one is a listed village written
 * differently; the typed name when it is new and "other" was chosen (or the device has no list yet); otherwise
 * nothing, and the form asks to pick from the list. `unchanged` lets an edit keep a village from before the list.
 */
export function villageToSave(
  typed: string,
  villages: readonly LocalVillage[],
  options: { other: boolean; unchanged: boolean },
): { name: string; isNew: boolean } | undefined {
  const listed = sameVillage(villages, typed);
  if (listed) return { name: listed.name, isNew: false };
  if (villages.length === 0 || options.unchanged) return { name: typed, isNew: false };
  return options.other && typed.trim() ? { name: typed.trim(), isNew: true } : undefined;
}
