/**
 * @module The shape every dictionary has: vi.ts's keys, each text a string and each message with arguments a
 * function giving one. In its own module so en.ts and index.ts both import it and neither imports the other.
 */
import type { vi } from './vi';

type Widen<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => string
    ? (...args: A) => string
    : T[K] extends string
      ? string
      : { [L in keyof T[K]]: string };
};
export type Messages = Widen<typeof vi>;
