/**
 * @module Session tokens: 256 random bits given to the device once; the server keeps only their SHA-256, so a
 * leaked database does not leak usable tokens. Tokens travel only in the Authorization header.
 */
import { createHash, randomBytes } from 'node:crypto';

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
