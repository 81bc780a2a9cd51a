/**
 * @module Whether two names are of one village, as the device matches them (src/db/villages.ts `sameVillage`):
 * diacritics, case and spacing aside.
 */
import { fold } from '../../../src/shared/search/fold';

export const sameVillageName = (a: string, b: string) => fold(a) === fold(b);
