// Whether a person lives in a commune or village of the DTTS & MN ĐBKK area (Art. 5(5)(b) and 5(7)). A direct
// answer wins; otherwise the province's configurable list is consulted, which is provisional (docs/sources.md,
// "Areas and institutions since 2025").
import type { Bilingual } from '../common/rule';
import type { RuleSnapshot } from '../packs/resolve';
import type { SpecialDifficultyAreaRule } from '../packs/types';
import type { AllowancePerson } from './schema';

export interface AreaAnswer {
  readonly inArea: boolean;
  readonly source: 'direct' | 'list' | 'unknown';
  readonly rule?: SpecialDifficultyAreaRule;
  readonly reason: Bilingual;
}

export function specialDifficultyArea(person: AllowancePerson, snap: RuleSnapshot): AreaAnswer {
  if (person.livesInSpecialDifficultyArea !== undefined) {
    return {
      inArea: person.livesInSpecialDifficultyArea,
      source: 'direct',
      reason: person.livesInSpecialDifficultyArea
        ? {
            vi: 'sống ở xã, thôn vùng DTTS & MN ĐBKK (xác nhận trực tiếp)',
            en: 'lives in a DTTS & MN ĐBKK commune or village (stated)',
          }
        : {
            vi: 'không sống ở vùng DTTS & MN ĐBKK (xác nhận trực tiếp)',
            en: 'does not live in a DTTS & MN ĐBKK area (stated)',
          },
    };
  }
  const list = snap.specialDifficultyAreas;
  if (!list || person.communeCode === undefined) {
    return {
      inArea: false,
      source: 'unknown',
      reason: {
        vi: 'chưa rõ có sống ở vùng DTTS & MN ĐBKK không',
        en: 'unknown whether the person lives in a DTTS & MN ĐBKK area',
      },
    };
  }
  const inArea =
    list.communeCodes.includes(person.communeCode) ||
    (person.village !== undefined && list.villages.includes(`${person.communeCode}/${person.village}`));
  return {
    inArea,
    source: 'list',
    rule: list,
    reason: inArea
      ? {
          vi: `xã/thôn ${person.communeCode} có trong danh sách vùng DTTS & MN ĐBKK`,
          en: `commune/village ${person.communeCode} is on the DTTS & MN ĐBKK list`,
        }
      : {
          vi: `xã/thôn ${person.communeCode} không có trong danh sách vùng DTTS & MN ĐBKK`,
          en: `commune/village ${person.communeCode} is not on the DTTS & MN ĐBKK list`,
        },
  };
}
