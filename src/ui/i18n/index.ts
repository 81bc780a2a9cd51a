/**
 * @module UI language: Vietnamese first, English second, switchable and remembered on the device.
 * Screens call `useT()` and never hold text of their own.
 */
import { useSyncExternalStore } from 'react';
import { settings, type Language } from '../../db/settings';
import { vi } from './vi';
import { en } from './en';
import type { Messages } from './types';

export type { Messages } from './types';

const dictionaries: Record<Language, Messages> = { vi, en };
let current: Language = 'vi';
const listeners = new Set<() => void>();

export async function loadLanguage(): Promise<void> {
  setLanguage(await settings.language());
}

export function setLanguage(language: Language): void {
  current = language;
  document.documentElement.lang = language;
  for (const listener of listeners) listener();
}

export function toggleLanguage(): void {
  const next = current === 'vi' ? 'en' : 'vi';
  setLanguage(next);
  void settings.saveLanguage(next);
}

/** The language itself, for texts that come in both (the rules engine's explanations). */
export function useLanguage(): Language {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
  );
}

export function useT(): Messages {
  const language = useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
  );
  return dictionaries[language];
}
