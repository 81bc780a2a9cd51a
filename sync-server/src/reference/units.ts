/**
 * @module The 96 commune-level units of Tỉnh Quảng Ngãi since 1/7/2025 (province → commune; no districts),
 * read from the reference file beside it (where it comes from: docs/sources.md, "Administrative units") and validated on the way in.
 */
import { readFileSync } from 'node:fs';
import * as v from 'valibot';
import { CommuneCode } from '../../../src/shared/fields';
import type { Unit } from '../store/units';

const UnitsFile = v.object({
  effective_date: v.string(),
  units: v.pipe(
    v.array(
      v.object({
        code: CommuneCode,
        name: v.pipe(v.string(), v.minLength(3)),
        type: v.picklist(['xã', 'phường', 'đặc khu']),
      }),
    ),
    v.minLength(1),
  ),
});

export const UNITS_FILE = new URL('./quang-ngai-units-2025.json', import.meta.url);

export function readUnits(file: URL | string = UNITS_FILE): Unit[] {
  const parsed = v.parse(UnitsFile, JSON.parse(readFileSync(file, 'utf8')));
  return parsed.units.map((unit) => ({ code: unit.code, name: unit.name, unitType: unit.type }));
}
