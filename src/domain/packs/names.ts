// The names of the rule packs an answer was computed from (its `rulePack.packs`), for people: "Quy định toàn quốc",
// "Tỉnh Quảng Ngãi" — the snapshot id ("vn+quang-ngai@2026-09-01") is for the record, not for the screen.
import type { Bilingual } from '../common/rule';
import { NATIONAL_PACK } from './national';
import { PROVINCIAL_PACKS } from './provinces';
import type { PackRegistry } from './resolve';

/** Each pack's name, in the order given; an id no pack of the registry has is given as it is. */
export function packNames(packIds: readonly string[], registry: PackRegistry = {}): Bilingual[] {
  const national = registry.national ?? NATIONAL_PACK;
  const provinces = registry.provinces ?? PROVINCIAL_PACKS;
  return packIds.map((id) => (id === national.id ? national.name : (provinces[id]?.name ?? { vi: id, en: id })));
}
