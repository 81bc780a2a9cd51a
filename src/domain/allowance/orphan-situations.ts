// The 11 situations of Art. 5(1) Decree 20/2021 in which a child has no source of support, as data, and the
// derivation of the situation from what happened to each parent. The 10 unordered pairs of the four statuses
// (dead, missing, in a facility, in prison) plus "abandoned and not adopted" are exactly the 11 points (a)–(l).
import type { Bilingual } from '../common/rule';
import type { AllowancePerson, ParentStatus } from './schema';

type Absent = Exclude<ParentStatus, 'present'>;

export interface OrphanSituation {
  readonly point: string;
  readonly parents?: readonly [Absent, Absent];
  readonly text: Bilingual;
}

export const ORPHAN_SITUATIONS: readonly OrphanSituation[] = [
  { point: 'a', text: { vi: 'bị bỏ rơi chưa có người nhận làm con nuôi', en: 'abandoned and not adopted' } },
  { point: 'b', parents: ['dead', 'dead'], text: { vi: 'mồ côi cả cha và mẹ', en: 'both parents dead' } },
  {
    point: 'c',
    parents: ['dead', 'missing'],
    text: { vi: 'cha hoặc mẹ đã chết, người còn lại mất tích', en: 'one parent dead, the other missing' },
  },
  {
    point: 'd',
    parents: ['dead', 'in-facility'],
    text: {
      vi: 'cha hoặc mẹ đã chết, người còn lại ở cơ sở trợ giúp xã hội',
      en: 'one parent dead, the other in a social-assistance facility',
    },
  },
  {
    point: 'đ',
    parents: ['dead', 'in-prison'],
    text: {
      vi: 'cha hoặc mẹ đã chết, người còn lại đang chấp hành án phạt tù, ở trường giáo dưỡng, cơ sở giáo dục bắt buộc, cai nghiện bắt buộc',
      en: 'one parent dead, the other in prison, reform school, compulsory education or rehab',
    },
  },
  { point: 'e', parents: ['missing', 'missing'], text: { vi: 'cả cha và mẹ mất tích', en: 'both parents missing' } },
  {
    point: 'g',
    parents: ['in-facility', 'in-facility'],
    text: { vi: 'cả cha và mẹ ở cơ sở trợ giúp xã hội', en: 'both parents in a social-assistance facility' },
  },
  {
    point: 'h',
    parents: ['in-prison', 'in-prison'],
    text: {
      vi: 'cả cha và mẹ đang chấp hành án phạt tù hoặc ở cơ sở bắt buộc',
      en: 'both parents in prison or a compulsory institution',
    },
  },
  {
    point: 'i',
    parents: ['missing', 'in-facility'],
    text: {
      vi: 'cha hoặc mẹ mất tích, người còn lại ở cơ sở trợ giúp xã hội',
      en: 'one parent missing, the other in a social-assistance facility',
    },
  },
  {
    point: 'k',
    parents: ['missing', 'in-prison'],
    text: {
      vi: 'cha hoặc mẹ mất tích, người còn lại đang chấp hành án phạt tù hoặc ở cơ sở bắt buộc',
      en: 'one parent missing, the other in prison or a compulsory institution',
    },
  },
  {
    point: 'l',
    parents: ['in-facility', 'in-prison'],
    text: {
      vi: 'cha hoặc mẹ ở cơ sở trợ giúp xã hội, người còn lại đang chấp hành án phạt tù hoặc ở cơ sở bắt buộc',
      en: 'one parent in a social-assistance facility, the other in prison or a compulsory institution',
    },
  },
];

export function orphanSituation(person: AllowancePerson): OrphanSituation | undefined {
  const o = person.orphan;
  if (!o) return undefined;
  if (o.abandonedNotAdopted) return ORPHAN_SITUATIONS[0];
  const { father, mother } = o;
  if (father === undefined || mother === undefined || father === 'present' || mother === 'present') return undefined;
  return ORPHAN_SITUATIONS.find(
    (s) =>
      s.parents &&
      ((s.parents[0] === father && s.parents[1] === mother) || (s.parents[0] === mother && s.parents[1] === father)),
  );
}
