import type { Db } from '../client.ts';
import type { Place } from './partnerships.ts';

/** Demo entries of the local problems register (before the programme, which answers them). */
export async function seedProblems(
  _db: Db,
  _opts: { today: string; wagrowiec: Place; poznan: Place },
): Promise<void> {}
