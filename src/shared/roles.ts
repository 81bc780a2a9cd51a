import * as v from 'valibot';

export const Role = v.picklist(['collaborator', 'village_head', 'commune_officer', 'province_staff', 'admin']);
export type Role = v.InferOutput<typeof Role>;

/** Who may settle a same-field conflict between two devices. */
export const CONFLICT_RESOLVERS: readonly Role[] = ['commune_officer', 'admin'];
/** Who may void a handout recorded by mistake. */
export const VOIDERS: readonly Role[] = ['village_head', 'commune_officer', 'admin'];
