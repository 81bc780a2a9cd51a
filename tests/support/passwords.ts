/**
 * Cheap scrypt for tests (N = 2^10: a millisecond, not half a second), so hundreds of sign-ins stay fast. The real
 * defaults (N = 2^17) are proven once, in tests/server/login.test.ts.
 */
import { scryptHasher } from '../../sync-server/src/auth/hashing';

export const TEST_SCRYPT = { N: 1024, r: 8, p: 1 };
/** Unbounded: the app bounds whatever hasher it is given (sync-server/src/http/auth.ts). */
export const testPasswords = () => scryptHasher(TEST_SCRYPT);
