/**
 * @module UI language: Vietnamese first, English second, switchable and remembered on the device.
 * Screens call `useT()` and never hold text of their own.
 */
import { useSyncExternalStore } from 'react';
import { settings, type Language } from '../../db/settings';
import { vi } from './vi';
import { en } from './en';
import type { Messages } from './types';
import { formatMessage, isMessageCode, type Message, type MessageTexts } from '../../shared/messages';
import { messagesVi } from '../../shared/messages-vi';
import { messagesEn } from './messages-en';

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

const messageTexts: Record<Language, MessageTexts> = { vi: messagesVi, en: messagesEn };

/** Says a message of src/shared, src/sync, src/db or the server in the chosen language; `words` names kinds, reasons. */
export type Say = ((message: Message | string, fallback?: string) => string) & { words: MessageTexts };

/** A refusal, stored or just answered: its message when it has one this app knows, else the server's own text. */
export function problemOf(entry: { problem?: Message | undefined; reason: string }): Message | string {
  return entry.problem && isMessageCode(entry.problem.code) ? entry.problem : entry.reason;
}

export function useSay(): Say {
  const language = useLanguage();
  const texts = messageTexts[language];
  return Object.assign((m: Message | string, fallback?: string) => formatMessage(texts, m, fallback), { words: texts });
}
