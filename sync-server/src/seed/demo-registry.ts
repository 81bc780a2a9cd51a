/**
 * @module A living commune for the demo: hundreds of households with members of all ages, a few with disabilities,
 * and approved surveys classified by the rules engine — so a newcomer sees real badges and real searches.
 * Deterministic (seeded), invented people.
 */
import type { SqlExecutor } from '../db/database';
import type { HouseholdFields } from '../../../src/shared/records/household';
import type { MemberFields } from '../../../src/shared/records/member';
import type { SurveyAnswers } from '../../../src/shared/records/survey';
import type { EthnicGroupCode } from '../../../src/shared/reference/ethnic-groups';
import { classifySurvey } from '../../../src/domain/poverty/survey-result';
import { newId } from '../../../src/shared/ids';
import { writeRecord } from '../sync/write-record';
import { checkDuplicates } from '../sync/apply/duplicates';
import type { MutationContext } from '../sync/context';

const FAMILY = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Huỳnh',
  'Võ',
  'Phan',
  'Trương',
  'Bùi',
  'Đặng',
  'Đỗ',
  'Ngô',
  'Hồ',
  'Dương',
  'Đinh',
];
const MALE = [
  'Văn An',
  'Văn Bình',
  'Công Cường',
  'Văn Dũng',
  'Minh Đức',
  'Văn Được',
  'Quốc Hải',
  'Văn Hùng',
  'Ngọc Khánh',
  'Văn Lộc',
  'Thành Long',
  'Văn Nam',
  'Hữu Phước',
  'Văn Quang',
  'Văn Sơn',
  'Văn Tâm',
  'Đình Thắng',
  'Văn Tuấn',
];
const FEMALE = [
  'Thị Ánh',
  'Thị Bích',
  'Thị Cúc',
  'Thị Dung',
  'Thị Hà',
  'Thị Hoa',
  'Thị Hồng',
  'Thị Hương',
  'Thị Lan',
  'Thị Liên',
  'Thị Mai',
  'Thị Nga',
  'Thị Nhung',
  'Thị Oanh',
  'Thị Phượng',
  'Thị Thu',
  'Thị Tuyết',
  'Thị Xuân',
];

export interface DemoCommune {
  code: string;
  villages: readonly string[];
  households: number;
  /** Main ethnic group (GSO code); 85 % of households belong to it, the rest are Kinh. */
  ethnicity: EthnicGroupCode;
  area: 'rural' | 'urban';
}

function random(seed: number) {
  let state = seed;
  const next = () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
  return {
    next,
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
  };
}

function person(r: ReturnType<typeof random>, family: string, sex: 'male' | 'female') {
  return `${family} ${r.pick(sex === 'male' ? MALE : FEMALE)}`;
}

export async function seedRegistry(
  tx: SqlExecutor,
  commune: DemoCommune,
  seed: number,
  now: number,
): Promise<{ households: number; members: number; surveys: number }> {
  const r = random(seed);
  const context: MutationContext = {
    userId: 'seed',
    role: 'admin',
    scope: new Set([commune.code]),
    clientId: 'seed',
    now,
    stamp: 'seed',
  };
  let members = 0;
  let surveys = 0;
  const write = (
    type: 'household' | 'member' | 'case',
    id: string,
    data: Record<string, unknown>,
    parentId: string | null,
  ) =>
    writeRecord(
      tx,
      context,
      { id, type, commune: commune.code, parentId, data, meta: { f: {} }, deleted: false, createdAt: now },
      { before: undefined },
    );
  for (let h = 0; h < commune.households; h++) {
    const createdAt = now - (commune.households - h) * 3_600_000;
    const id = newId(createdAt);
    const family = r.pick(FAMILY);
    const headSex = r.next() < 0.7 ? 'male' : 'female';
    const headName = person(r, family, headSex);
    const village = r.pick(commune.villages);
    const ethnicity: EthnicGroupCode = r.next() < 0.85 ? commune.ethnicity : '01';
    const household: HouseholdFields = {
      headName,
      communeCode: commune.code,
      village,
      address: `Tổ ${r.int(1, 12)}`,
      ...(r.next() < 0.6 ? { phone: `0${r.pick(['9', '3', '8'])}${String(r.int(10_000_000, 99_999_999))}` } : {}),
      ...(r.next() < 0.7
        ? {
            headCitizenId: `051${headSex === 'male' ? 0 : 1}${String(r.int(40, 99))}${String(r.int(100_000, 999_999))}`,
          }
        : {}),
      area: commune.area,
      notes:
        r.next() < 0.15
          ? r.pick(['Nhà tạm, mái tôn dột', 'Chủ hộ già yếu, sống một mình', 'Có người khuyết tật nặng', 'Hộ mới tách'])
          : '',
    };
    await write('household', id, { ...household }, null);
    await checkDuplicates(tx, context, { id, type: 'household', commune: commune.code, data: { ...household } }, false);

    const headYear = r.int(1945, 1995);
    const list: (MemberFields & { id: string })[] = [];
    const add = (
      fields: Omit<MemberFields, 'householdId' | 'communeCode' | 'ethnicity' | 'status' | 'hasPension'> &
        Partial<MemberFields>,
    ) => {
      const member: MemberFields & { id: string } = {
        householdId: id,
        communeCode: commune.code,
        ethnicity,
        status: 'present',
        hasPension: false,
        ...fields,
        id: newId(createdAt + list.length + 1),
      };
      list.push(member);
    };
    const adult = (year: number) => ({
      disability: (r.next() < 0.06
        ? r.pick(['mild', 'severe', 'especially-severe'] as const)
        : 'none') as MemberFields['disability'],
      hasHealthInsurance: r.next() < 0.85,
      schooling: r.pick(['none', 'primary', 'lower-secondary', 'upper-secondary', 'vocational'] as const),
      studying: false,
      occupation: (2026 - year >= 60
        ? 'not-in-labour-force'
        : r.pick([
            'self-employed',
            'self-employed',
            'wage-without-contract',
            'stable',
            'unemployed',
          ] as const)) as MemberFields['occupation'],
    });
    add({
      fullName: headName,
      sex: headSex,
      birthDate: r.next() < 0.3 ? String(headYear) : `${headYear}-0${r.int(1, 9)}-1${r.int(0, 9)}`,
      relation: 'chủ hộ',
      ...adult(headYear),
      hasPension: headYear < 1960 && r.next() < 0.2,
    });
    if (r.next() < 0.8) {
      const year = headYear + r.int(-4, 4);
      add({
        fullName: person(r, r.pick(FAMILY), headSex === 'male' ? 'female' : 'male'),
        sex: headSex === 'male' ? 'female' : 'male',
        birthDate: `${year}-1${r.int(0, 2)}-0${r.int(1, 9)}`,
        relation: headSex === 'male' ? 'vợ' : 'chồng',
        ...adult(year),
      });
    }
    for (let c = r.int(0, 4); c > 0; c--) {
      const year = Math.min(2025, headYear + r.int(20, 38));
      const sex = r.next() < 0.5 ? 'male' : 'female';
      const age = 2026 - year;
      add({
        fullName: person(r, family, sex),
        sex,
        birthDate: `${year}-0${r.int(1, 9)}-2${r.int(0, 8)}`,
        relation: 'con',
        disability: r.next() < 0.03 ? 'severe' : 'none',
        hasHealthInsurance: r.next() < 0.9,
        schooling:
          age < 6
            ? 'none'
            : age < 11
              ? 'primary'
              : age < 15
                ? 'lower-secondary'
                : age < 18
                  ? 'upper-secondary'
                  : r.pick(['upper-secondary', 'vocational', 'college-university'] as const),
        studying: age >= 6 && age < 18 && r.next() < 0.92,
        occupation: age < 18 ? 'student' : r.pick(['self-employed', 'wage-without-contract', 'stable'] as const),
      });
    }
    if (r.next() < 0.15) {
      const year = headYear - r.int(20, 28);
      add({
        fullName: person(r, family, 'female'),
        sex: 'female',
        birthDate: String(year),
        relation: 'mẹ',
        ...adult(year),
      });
    }
    for (const member of list) {
      const { id: memberId, ...data } = member;
      await write('member', memberId, data, id);
      await checkDuplicates(tx, context, { id: memberId, type: 'member', commune: commune.code, data }, false);
    }
    members += list.length;

    // About a third of the households have an approved survey from the 2026 review.
    if (r.next() < 0.35) {
      const answers: SurveyAnswers = {
        period: 'annual',
        reviewDate: `2026-10-${String(r.int(1, 28)).padStart(2, '0')}`,
        incomeMode: 'household',
        householdIncome: r.int(4, 40) * 250_000 * list.length,
        floorAreaM2: r.int(12, 90),
        waterSource: r.pick(['piped', 'drilled-well', 'unprotected-well', 'surface-water'] as const),
        latrine: r.pick(['septic', 'semi-septic', 'simple-pit', 'none'] as const),
        usesTelecom: r.next() < 0.85,
        hasInformationDevice: r.next() < 0.8,
        malnourished: [],
        behindInSchool: [],
      };
      const { result } = classifySurvey({ area: commune.area, members: list, answers });
      const history = [
        { command: 'submit', by: 'seed', at: now - 86_400_000 * 20 },
        { command: 'approve', by: 'seed', at: now - 86_400_000 * 10 },
      ];
      await write(
        'case',
        newId(createdAt + 99),
        {
          communeCode: commune.code,
          kind: 'survey',
          subjectId: id,
          note: '',
          data: { answers, result },
          status: 'approved',
          history,
        },
        id,
      );
      surveys += 1;
    }
  }
  return { households: commune.households, members, surveys };
}
