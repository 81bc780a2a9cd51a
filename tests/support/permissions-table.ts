/**
 * The role matrix of src/shared/permissions.ts as the Markdown table docs/security.md prints (a test keeps the two
 * equal). Print it with: npx tsx tests/support/permissions-table.ts
 */
import { CREATE_ONLY_AS, PERMISSIONS, type Action } from '../../src/shared/permissions';
import type { RecordTypeName } from '../../src/shared/records/registry';
import type { Role } from '../../src/shared/roles';

const ROLES: readonly Role[] = ['collaborator', 'village_head', 'commune_officer', 'province_staff', 'admin'];
const ROWS: readonly [RecordTypeName, readonly Action[]][] = [
  ['household', ['create', 'edit', 'delete']],
  ['member', ['create', 'edit', 'delete']],
  ['case', ['create', 'edit', 'delete', 'submit', 'decide']],
  ['emergency', ['create', 'edit', 'delete']],
  ['damage', ['create', 'edit', 'delete']],
  ['relief_round', ['create', 'edit', 'delete']],
  ['distribution', ['create']],
  ['distribution_void', ['create']],
  ['conflict', ['resolve']],
  ['duplicate', ['resolve']],
  ['village', ['create', 'edit', 'delete']],
];

export function permissionsTable(): string {
  const lines = [`| record kind | ${ROLES.join(' | ')} |`, `|---|${ROLES.map(() => '---').join('|')}|`];
  for (const [kind, actions] of ROWS) {
    const only = (role: Role, action: Action) => {
      const limit = action === 'create' ? CREATE_ONLY_AS[role]?.[kind] : undefined;
      return limit ? `${action} (${limit.field} ${limit.value} only)` : action;
    };
    const cells = ROLES.map(
      (role) =>
        actions
          .filter((a) => PERMISSIONS[role][kind]?.includes(a))
          .map((a) => only(role, a))
          .join(', ') || '—',
    );
    lines.push(`| \`${kind}\` | ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(permissionsTable());
