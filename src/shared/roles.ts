import * as v from 'valibot';

export const Role = v.picklist(['collaborator', 'village_head', 'commune_officer', 'province_staff', 'admin']);
export type Role = v.InferOutput<typeof Role>;

// What each role may do is in src/shared/permissions.ts.
