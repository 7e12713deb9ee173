import type { Db } from '../client.ts';
import type { Place } from './partnerships.ts';

/** Demo data: filled in by the plans capability. */
export async function seedPlans(
  _db: Db,
  _places: { today: string; kwilcz: Place; wagrowiec: Place; poznan: Place },
) {}
