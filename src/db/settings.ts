/**
 * @module Small device settings in idb-keyval (not in the records database): the signed-in session, the UI
 * language and the commune the user works in. Each is validated when read — an older app may have written it.
 */
import { del, get, set } from 'idb-keyval';
import * as v from 'valibot';
import { SessionUser } from '../shared/protocol';

export const StoredSession = v.object({
  token: v.string(),
  expiresAt: v.number(),
  user: SessionUser,
  /** Set when the server answered 401: local work goes on, sync waits for a new sign-in. */
  expired: v.optional(v.boolean(), false),
});
export type StoredSession = v.InferOutput<typeof StoredSession>;

export const Language = v.picklist(['vi', 'en']);
export type Language = v.InferOutput<typeof Language>;

async function read<T>(key: string, schema: v.GenericSchema<unknown, T>): Promise<T | undefined> {
  const parsed = v.safeParse(schema, await get(key));
  return parsed.success ? parsed.output : undefined;
}

export const settings = {
  session: () => read('session', StoredSession),
  saveSession: (session: StoredSession) => set('session', session),
  clearSession: () => del('session'),
  language: async (): Promise<Language> => (await read('language', Language)) ?? 'vi',
  saveLanguage: (language: Language) => set('language', language),
  commune: () => read('commune', v.string()),
  saveCommune: (code: string) => set('commune', code),
  village: () => read('village', v.string()),
  saveVillage: (village: string | undefined) => (village ? set('village', village) : del('village')),
  /** The user has read the "storage not persistent" banner on this device (issue 11): it is not shown again. */
  storageWarningSeen: async () => (await read('storageWarningSeen', v.boolean())) ?? false,
  saveStorageWarningSeen: () => set('storageWarningSeen', true),
  /**
   * Issue 11: what the user calls this device (Sync page, "Tên máy này"), sent with each sync so the officer sees
   * which device a value came from. It names the device, not the user: it stays when another user signs in.
   * Saved as given after validation (DeviceName); empty means unnamed (sent as such, so the server forgets it).
   */
  deviceName: () => read('deviceName', v.string()),
  saveDeviceName: (name: string) => set('deviceName', name),
};
