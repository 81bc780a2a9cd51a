/**
 * @module The English texts, in a chunk of their own: most users never switch, so the first screen does not
 * download them (bench/app.ts, "JS transferred for the first screen"). Precached like every chunk, so switching
 * works offline.
 */
export { en } from './en';
export { messagesEn } from './messages-en';
