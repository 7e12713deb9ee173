import type { Db } from '../client.ts';
import type { Place } from './partnerships.ts';

/** Demo data: filled in by the education-groups capability. */
export async function seedEducationGroups(
  _db: Db,
  _places: { today: string; kwilcz: Place; wagrowiec: Place; poznan: Place },
) {}
