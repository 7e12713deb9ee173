import type { Db } from '../client.ts';
import type { Place } from './partnerships.ts';

/** Demo data: filled in by the advice capability. */
export async function seedAdvice(
  _db: Db,
  _places: { today: string; kwilcz: Place; wagrowiec: Place; poznan: Place },
) {}
