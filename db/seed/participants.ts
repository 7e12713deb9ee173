import type { Db } from '../client.ts';
import type { Place } from './partnerships.ts';

/** Demo participants of the Social Economy Centre (invented people) in the three places. */
export async function seedParticipants(
  _db: Db,
  _opts: { today: string; kwilcz: Place; wagrowiec: Place; poznan: Place },
): Promise<void> {}
