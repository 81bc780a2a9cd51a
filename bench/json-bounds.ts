/**
 * npx tsx bench/json-bounds.ts — what checking every pulled change against the bounded schema costs on a device
 * (issue 9.4), next to a baseline run in the same process: JSON.parse of the same page, which the device pays
 * anyway. A first download page is up to 2,000 changes.
 */
import * as v from 'valibot';
import { Change } from '../src/shared/protocol';

const PAGE = 2_000;
const ROUNDS = 20;

function page(): Change[] {
  return Array.from({ length: PAGE }, (_, i) => ({
    commune: '21548',
    version: i + 1,
    type: i % 3 === 0 ? 'case' : 'household',
    id: `01890a5d-ac96-774b-bcce-${String(i).padStart(12, '0')}`,
    data:
      i % 3 === 0
        ? {
            communeCode: '21548',
            kind: 'survey',
            subjectId: 'x',
            note: 'Ghi chú '.repeat(20),
            status: 'approved',
            history: [{ command: 'submit', by: 'u', at: 1 }],
            data: {
              indicators: { housing: { roof: 'tôn', area: 24 }, water: { source: 'giếng' } },
              scores: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
            },
          }
        : {
            headName: `Nguyễn Văn Đức ${i}`,
            communeCode: '21548',
            village: 'Thôn Đông An Vĩnh',
            address: 'Tổ 2',
            area: 'rural',
            notes: 'Hộ ngư dân, nhà cấp 4',
            phone: '0912345678',
          },
  }));
}

function time(label: string, run: () => void): number {
  run();
  const start = performance.now();
  for (let i = 0; i < ROUNDS; i++) run();
  const ms = (performance.now() - start) / ROUNDS;
  console.log(`${label.padEnd(52)} ${ms.toFixed(2)} ms per page of ${PAGE}`);
  return ms;
}

const changes = page();
const text = JSON.stringify(changes);
console.log(`page: ${PAGE} changes, ${Math.round(text.length / 1024)} KB of JSON`);
const baseline = time('baseline: JSON.parse of the page', () => void JSON.parse(text));
const checked = time('every change checked (v.safeParse(Change, …))', () => {
  for (const change of changes) if (!v.safeParse(Change, change).success) throw new Error('unexpected');
});
console.log(`check / parse: ${(checked / baseline).toFixed(2)}×`);
