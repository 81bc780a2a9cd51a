/**
 * @module UI language: Vietnamese first, English second, switchable and remembered on the device.
 * Screens call `useT()` and never hold text of their own.
 */
import { useSyncExternalStore } from 'react';
import { settings, type Language } from '../../db/settings';
import { vi } from './vi';
import type { Messages } from './types';
import { formatMessage, isMessageCode, type Message, type MessageTexts } from '../../shared/messages';
import { messagesVi } from '../../shared/messages-vi';

export type { Messages } from './types';

interface Texts {
  ui: Messages;
  messages: MessageTexts;
}

/** Vietnamese is always here; English is fetched (from the precache when offline) the first time it is chosen. */
const texts: Partial<Record<Language, Texts>> & { vi: Texts } = { vi: { ui: vi, messages: messagesVi } };
let current: Language = 'vi';
const listeners = new Set<() => void>();

async function textsOf(language: Language): Promise<Texts> {
  const known = texts[language];
  if (known) return known;
  const { en, messagesEn } = await import('./english');
  texts.en = { ui: en, messages: messagesEn };
  return texts.en;
}

export async function loadLanguage(): Promise<void> {
  await setLanguage(await settings.language());
}

export async function setLanguage(language: Language): Promise<void> {
  await textsOf(language);
  current = language;
  document.documentElement.lang = language;
  for (const listener of listeners) listener();
}

export async function toggleLanguage(): Promise<void> {
  const next = current === 'vi' ? 'en' : 'vi';
  await setLanguage(next);
  await settings.saveLanguage(next);
}

/** The texts of the current language: loaded before `current` names it, so never missing. */
const currentTexts = (language: Language): Texts => texts[language] ?? texts.vi;

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
  return currentTexts(language).ui;
}

/** Says a message of src/shared, src/sync, src/db or the server in the chosen language; `words` names kinds, reasons. */
export type Say = ((message: Message | string, fallback?: string) => string) & { words: MessageTexts };

/** A refusal, stored or just answered: its message when it has one this app knows, else the server's own text. */
export function problemOf(entry: { problem?: Message | undefined; reason: string }): Message | string {
  return entry.problem && isMessageCode(entry.problem.code) ? entry.problem : entry.reason;
}

export function useSay(): Say {
  const language = useLanguage();
  const { messages } = currentTexts(language);
  return Object.assign((m: Message | string, fallback?: string) => formatMessage(messages, m, fallback), {
    words: messages,
  });
}
