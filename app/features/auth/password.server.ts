import { hash, verify } from '@node-rs/argon2';

// argon2id with the library's defaults (m=19456 KiB, t=2, p=1): OWASP's current minimum.
export async function hashPassword(password: string): Promise<string> {
  return hash(password);
}

let dummyHash: Promise<string> | null = null;

/** Verifies a password; with no stored hash it still spends the same time (no user enumeration). */
export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  dummyHash ??= hash('splot-no-such-user');
  try {
    const ok = await verify(stored ?? (await dummyHash), password);
    return stored !== null && ok;
  } catch {
    return false;
  }
}
