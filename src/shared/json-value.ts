/**
 * @module The one schema for free-form JSON values (a case's answers, a patched field's value, an event's data, a
 * conflict's decision, a pulled record's data). Bounded in depth, keys per object, items per array, string length
 * and total size, so one hostile or buggy record cannot overflow a stack (the server's value comparison, a
 * browser's structured clone in IndexedDB) or fill a pull page. The check walks the value with its own stack —
 * a recursive checker would overflow on the very input it guards against — and stops at the first bound passed,
 * so a huge value costs no more than the bound.
 *
 * Object keys are field names: no control characters and no lone surrogates (PostgreSQL and UTF-8 cannot hold
 * them faithfully). String values are left to the record's own schema (`trimmed` in fields.ts refuses what
 * PostgreSQL cannot store, naming the field): inside a free-form value they are stored as JSON text, where
 * JSON.stringify escapes U+0000 and lone surrogates, the same on both databases.
 */
import * as v from 'valibot';
import { encodeMessage, message, type Message } from './messages';

/** Real records are shallow (survey answers are depth 3); 32 leaves room for any form we will design. */
export const MAX_JSON_DEPTH = 32;
/** Server-made records wrap device values (a conflict's candidates: data → candidates → [i] → value). */
export const RECORD_DEPTH_MARGIN = 8;
export const MAX_JSON_KEYS_PER_OBJECT = 1_000;
/** A relief round may plan every household of a commune (Lý Sơn has about 5,500): room for four times that. */
export const MAX_JSON_ITEMS_PER_ARRAY = 20_000;
/** UTF-16 code units; long notes are 2,000 characters. */
export const MAX_JSON_STRING_LENGTH = 20_000;
/** Approximate JSON length in code units of one value: records are a few KB; 20,000 planned ids are 800 KB. */
export const MAX_JSON_SIZE = 1024 * 1024;
/** A whole record holds several values (a conflict keeps every candidate). */
export const MAX_RECORD_SIZE = 4 * MAX_JSON_SIZE;
export const MAX_JSON_KEY_LENGTH = 100;

export interface JsonLimits {
  depth: number;
  keys: number;
  items: number;
  string: number;
  size: number;
}

export const VALUE_LIMITS: JsonLimits = {
  depth: MAX_JSON_DEPTH,
  keys: MAX_JSON_KEYS_PER_OBJECT,
  items: MAX_JSON_ITEMS_PER_ARRAY,
  string: MAX_JSON_STRING_LENGTH,
  size: MAX_JSON_SIZE,
};
/** What a device accepts from the server as a record's data. */
export const RECORD_LIMITS: JsonLimits = {
  ...VALUE_LIMITS,
  depth: MAX_JSON_DEPTH + RECORD_DEPTH_MARGIN,
  size: MAX_RECORD_SIZE,
};

/** U+0000 and lone surrogates: text that PostgreSQL (and well-formed UTF-8) cannot store as it is. */
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** For ids and keys also every other control character (C0, DEL, C1). */
const UNSAFE_IN_KEY =
  /[\u0000-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export const hasUnstorableText = (text: string): boolean => UNSTORABLE.test(text);
export const isUnsafeKey = (key: string): boolean => UNSAFE_IN_KEY.test(key);

/** Why a value is refused, as a message naming the bound but never echoing the content. */
export type JsonProblem = Message | undefined;

/** Checks a value against the bounds without recursion; undefined when it is a fine JSON value. */
export function jsonProblem(value: unknown, limits: JsonLimits = VALUE_LIMITS): JsonProblem {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  let size = 0;
  while (stack.length > 0) {
    const { value: current, depth } = stack.pop()!;
    if (current === null || typeof current === 'boolean') {
      size += 5;
    } else if (typeof current === 'number') {
      if (!Number.isFinite(current)) return message('json.badNumber');
      size += 8;
    } else if (typeof current === 'string') {
      if (current.length > limits.string) return message('json.stringTooLong', { max: limits.string });
      size += current.length + 2;
    } else if (typeof current === 'object') {
      if (depth >= limits.depth) return message('json.tooDeep', { max: limits.depth });
      if (Array.isArray(current)) {
        if (current.length > limits.items) return message('json.tooManyItems', { max: limits.items });
        size += 2 + current.length;
        for (let i = current.length - 1; i >= 0; i--) stack.push({ value: current[i], depth: depth + 1 });
      } else {
        const prototype = Object.getPrototypeOf(current) as unknown;
        if (prototype !== Object.prototype && prototype !== null) return message('json.notJson');
        const keys = Object.keys(current);
        if (keys.length > limits.keys) return message('json.tooManyKeys', { max: limits.keys });
        size += 2;
        for (let i = keys.length - 1; i >= 0; i--) {
          const key = keys[i]!;
          if (key.length > MAX_JSON_KEY_LENGTH) return message('json.keyTooLong', { max: MAX_JSON_KEY_LENGTH });
          if (isUnsafeKey(key)) return message('json.unsafeKey');
          const item = (current as Record<string, unknown>)[key];
          // undefined is how an optional field is absent in memory; JSON leaves it out.
          if (item === undefined) continue;
          size += key.length + 4;
          stack.push({ value: item, depth: depth + 1 });
        }
      }
    } else if (current === undefined && depth > 0) {
      size += 4; // an array hole; JSON writes null
    } else {
      return message('json.notJson');
    }
    if (size > limits.size) return message('json.tooLarge', { kb: Math.round(limits.size / 1024) });
  }
  return undefined;
}

/** The issue message of data refused for `problem`. */
const invalidJson = (problem: Message) => encodeMessage('json.invalid', { ...problem.params, problem: problem.code });

/** A value of the JSON kind named by `label`, within `limits`; the issue names the bound passed. */
export function jsonValue(limits: JsonLimits = VALUE_LIMITS) {
  return v.pipe(
    v.unknown(),
    v.rawCheck(({ dataset, addIssue }) => {
      const problem = jsonProblem(dataset.value, limits);
      if (problem !== undefined) addIssue({ message: invalidJson(problem) });
    }),
  );
}

/** A plain object of free-form fields (a case's answers, an event's data), within `limits`. */
export function jsonObject(limits: JsonLimits = VALUE_LIMITS) {
  return v.pipe(
    v.custom<Record<string, unknown>>(
      (input) => typeof input === 'object' && input !== null && !Array.isArray(input),
      encodeMessage('json.notObject'),
    ),
    v.rawCheck(({ dataset, addIssue }) => {
      const problem = jsonProblem(dataset.value, limits);
      if (problem !== undefined) addIssue({ message: invalidJson(problem) });
    }),
  );
}

/** A field name or other key: short, no control characters, well-formed. */
export const KeyName = v.pipe(
  v.string(),
  v.minLength(1, encodeMessage('key.empty')),
  v.maxLength(MAX_JSON_KEY_LENGTH, encodeMessage('key.tooLong', { max: MAX_JSON_KEY_LENGTH })),
  v.check((key) => !isUnsafeKey(key), encodeMessage('key.unsafe')),
);
