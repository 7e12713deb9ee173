import type { Db } from '../client.ts';
import type { Place } from './partnerships.ts';

/** Demo data: filled in by the education-cascade capability. */
export async function seedEducationCascade(
  _db: Db,
  _places: { today: string; kwilcz: Place; wagrowiec: Place; poznan: Place },
) {}
