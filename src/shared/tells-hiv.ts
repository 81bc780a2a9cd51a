/**
 * @module Whether a record tells someone's HIV status, whatever field says it: the case's `sensitive` field, but
 * also the form it was filed on (1b), an HIV certificate among its papers, or a decision in an HIV category. A role
 * that may not read HIV status (permissions.ts `readsSensitive`) gets none of these: the server leaves such a case
 * out of its pulls and its photos out of downloads (issue 12). A change to such an allowance tells it too.
 */
import { isHivCategory } from './allowance-proposal';

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** An application (a case's `data`) that tells it: form 1b or an HIV certificate seen. */
function applicationTellsHiv(application: unknown): boolean {
  if (!isObject(application)) return false;
  return (
    application.form === '1b' || (Array.isArray(application.papers) && application.papers.includes('hiv-certificate'))
  );
}

const hivCode = (code: unknown) => typeof code === 'string' && isHivCategory(code);

/** A stored case (its fields and the server's) that tells HIV status. */
export function caseTellsHiv(stored: Record<string, unknown>): boolean {
  // A change tells what the allowance it changes tells: the server notes the grant's form and category on it.
  if (stored.kind === 'allowance-change') {
    const about = stored.about;
    const decision = stored.changeDecision;
    return (
      (isObject(about) && (about.form === '1b' || hivCode(about.categoryCode))) ||
      (isObject(decision) && hivCode(decision.categoryCode))
    );
  }
  if (stored.kind !== 'allowance') return false;
  const sensitive = stored.sensitive;
  if (isObject(sensitive) && sensitive.hiv === true) return true;
  const decision = stored.decision;
  if (isObject(decision) && hivCode(decision.categoryCode)) return true;
  return applicationTellsHiv(stored.data);
}

/** Any value (a conflict's candidates) holding an application or a category that tells it. */
export function valueTellsHiv(value: unknown, depth = 0): boolean {
  if (depth > 40) return false;
  if (typeof value === 'string') return isHivCategory(value) || value === 'hiv-certificate';
  if (Array.isArray(value)) return value.some((x) => valueTellsHiv(x, depth + 1));
  if (!isObject(value)) return false;
  if (applicationTellsHiv(value)) return true;
  return Object.values(value).some((x) => valueTellsHiv(x, depth + 1));
}

/** A quick look at stored JSON text: only text naming one of these can tell it (the rest is not parsed). */
export const mayTellHiv = (json: string): boolean =>
  json.includes('"sensitive"') || json.includes('"1b"') || json.includes('hiv');
