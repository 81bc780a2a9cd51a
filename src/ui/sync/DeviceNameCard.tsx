/**
 * @module Issue 11, device names: "Tên máy này" on the Sync page. The name is kept in the device settings
 * (src/db/settings.ts) and sent with each sync, so the officer's desk can say which device a value came from.
 */
import { useEffect, useState } from 'react';
import * as v from 'valibot';
import { DeviceName } from '../../shared/fields';
import { settings } from '../../db/settings';
import { syncController } from '../services';
import { useSay, useT } from '../i18n';

export function DeviceNameCard() {
  const t = useT();
  const say = useSay();
  const [name, setName] = useState<string | undefined>(undefined);
  const [saved, setSaved] = useState<string | undefined>(undefined);
  const [issue, setIssue] = useState<string | undefined>(undefined);
  useEffect(() => {
    void settings.deviceName().then((stored) => {
      setName(stored ?? '');
      setSaved(stored ?? '');
    });
  }, []);
  if (name === undefined) return null;

  async function save(e: Event) {
    e.preventDefault();
    const parsed = v.safeParse(DeviceName, name);
    if (!parsed.success) return setIssue(parsed.issues[0].message);
    setIssue(undefined);
    await settings.saveDeviceName(parsed.output);
    setName(parsed.output);
    setSaved(parsed.output);
    // The server learns the name with the next request: send it now rather than at the next change.
    void syncController.syncNow();
  }

  return (
    <form class="card" onSubmit={(e) => void save(e)} data-testid="device-name">
      <label>
        {t.deviceNameLabel}
        <input
          value={name}
          placeholder={t.deviceNamePlaceholder}
          onInput={(e) => setName(e.currentTarget.value)}
          aria-invalid={issue ? true : undefined}
        />
      </label>
      <p class="hint">{t.deviceNameHint}</p>
      {issue && (
        <p class="error" role="alert">
          {say(issue)}
        </p>
      )}
      {!issue && saved && saved === name && <p class="hint">{t.deviceNameSaved}</p>}
      <button type="submit" class="secondary">
        {t.deviceNameSave}
      </button>
    </form>
  );
}
