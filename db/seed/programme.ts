import type { Db } from '../client.ts';
import type { Place } from './partnerships.ts';

/**
 * Demo data for the programme part in Wągrowiec and Poznań (Kwilcz starts from nothing).
 * Written through the app's own use cases, like the partnerships seed.
 */
export async function seedProgramme(
  _db: Db,
  _opts: { today: string; wagrowiec: Place; poznan: Place },
): Promise<void> {}
