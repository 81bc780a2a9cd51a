/** A commune of invented households and members for the Chromium benchmarks, with ids made as devices make them. */
import type { Database } from '../sync-server/src/db/database';
import { newId } from '../src/shared/ids';
import { householdFields, memberFields } from '../tests/support/fixtures';

const MEMBERS_PER_HOUSEHOLD = 4;
const RELATIONS = ['chủ hộ', 'vợ', 'con', 'con'];
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Huỳnh', 'Võ', 'Đặng', 'Bùi'];
const GIVEN = ['Văn An', 'Thị Bình', 'Văn Cường', 'Thị Dung', 'Văn Được', 'Thị Hoa', 'Văn Khoa', 'Thị Lan'];

/** Loads a commune straight into the server's records (setup, not measured): households of four members each. */
export async function preloadCommune(db: Database, commune: string, households: number) {
  const base = Number(
    (await db.get<{ v: number }>('SELECT version AS v FROM commune_versions WHERE commune = ?', [commune]))?.v ?? 0,
  );
  let version = base;
  const insert = async (rows: unknown[][]) =>
    db.transaction((tx) =>
      tx.run(
        `INSERT INTO records (id, type, commune, version, parent_id, data, meta, deleted, created_at, updated_at, updated_by) VALUES ${rows.map(() => '(?, ?, ?, ?, ?, ?, ?, 0, 1, 1, ?)').join(', ')}`,
        rows.flat(),
      ),
    );
  for (let start = 0; start < households; start += 100) {
    const rows: unknown[][] = [];
    for (let h = start; h < start + 100; h++) {
      // Registered over weeks of survey work, twenty seconds apart, with ids made the way devices make them.
      const createdAt = 1_764_300_000_000 + h * 20_000;
      const id = newId(createdAt);
      const head = `${FAMILY[h % 8]} ${GIVEN[(h * 3) % 8]}`;
      const household = householdFields({
        headName: head,
        communeCode: commune,
        village: `Thôn ${['Đông', 'Tây', 'Bắc', 'Trung'][h % 4]} An ${['Vĩnh', 'Hải', 'Bình'][h % 3]}`,
        address: `Tổ ${h % 12}`,
        phone: `09${String(10_000_000 + h)}`,
        notes: h % 5 === 0 ? 'Hộ nghèo, nhà cấp 4 xuống cấp' : '',
      });
      rows.push([id, 'household', commune, ++version, null, JSON.stringify(household), '{"f":{}}', 'bench']);
      for (let m = 0; m < MEMBERS_PER_HOUSEHOLD; m++) {
        const year = 1950 + ((h + m * 17) % 70);
        const member = memberFields(id, {
          communeCode: commune,
          fullName: m === 0 ? head : `${FAMILY[h % 8]} ${GIVEN[(h + m) % 8]}`,
          sex: m % 2 ? 'female' : 'male',
          birthDate: `${year}-0${1 + (m % 9)}-1${m}`,
          relation: RELATIONS[m] as 'con',
          studying: year > 2008,
          occupation: year > 2008 ? 'student' : year < 1966 ? 'not-in-labour-force' : 'self-employed',
          schooling: year > 2008 ? 'primary' : 'lower-secondary',
        });
        rows.push([
          newId(createdAt + m + 1),
          'member',
          commune,
          ++version,
          id,
          JSON.stringify(member),
          '{"f":{}}',
          'bench',
        ]);
      }
    }
    await insert(rows);
  }
  await db.run('UPDATE commune_versions SET version = ? WHERE commune = ?', [version, commune]);
}
