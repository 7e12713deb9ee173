import type { Db } from '../client.ts';
import type { Place } from './partnerships.ts';

/** Demo data: filled in by the volunteers capability. */
export async function seedVolunteers(
  _db: Db,
  _places: { today: string; kwilcz: Place; wagrowiec: Place; poznan: Place },
) {}
