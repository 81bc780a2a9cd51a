/**
 * @module What a household or member can be found by on the device: folded words of the names, the village,
 * CCCD and phone. Computed wherever such a record is written (the write path, applying a sync answer, the
 * version-2 upgrade), so the index never lags the data.
 */
import { searchTerms } from '../shared/search/fold';
import type { RecordTypeName } from '../shared/records/registry';
import type { LocalRecord } from './database';

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

export function withSearchTerms(type: RecordTypeName, record: LocalRecord): LocalRecord {
  if (type === 'household') return { ...record, terms: searchTerms(text(record.headName), text(record.headCitizenId), text(record.phone)) };
  if (type === 'member') return { ...record, terms: searchTerms(text(record.fullName), text(record.citizenId)) };
  return record;
}
