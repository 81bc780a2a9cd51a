import * as v from 'valibot';

export const Role = v.picklist(['collaborator', 'village_head', 'commune_officer', 'province_staff', 'admin']);
export type Role = v.InferOutput<typeof Role>;

/** What a role may do to a kind of record; which role may do what is in src/shared/permissions.ts. */
export type Action = 'create' | 'edit' | 'delete' | 'submit' | 'decide' | 'resolve';
