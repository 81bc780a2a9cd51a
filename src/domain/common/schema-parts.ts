// valibot pieces shared by the three question schemas.
import * as v from 'valibot';
import { isRealDate, isRealMonth } from './dates';

export const IsoDateSchema = v.pipe(
  v.string(),
  v.regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD'),
  v.check(isRealDate, 'not a calendar date'),
);

export const IsoMonthSchema = v.pipe(
  v.string(),
  v.regex(/^\d{4}-\d{2}$/, 'expected a month YYYY-MM'),
  v.check(isRealMonth, 'not a calendar month'),
);

/** Money is an integer number of VND, never negative. */
export const VndSchema = v.pipe(v.number(), v.integer('VND must be a whole number'), v.minValue(0));

export const CountSchema = v.pipe(v.number(), v.integer(), v.minValue(0));

/** Id of a provincial pack (default: Quảng Ngãi). */
export const ProvinceSchema = v.pipe(v.string(), v.minLength(1));

export const HouseholdPovertySchema = v.picklist(['poor', 'near-poor', 'none']);

export const DisabilityLevelSchema = v.picklist(['especially-severe', 'severe', 'mild', 'none']);
