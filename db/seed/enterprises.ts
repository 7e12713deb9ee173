import type { Db } from '../client.ts';
import type { Place } from './partnerships.ts';

/** Demo data for issue 6 (enterprises); filled in by its capability. */
export async function seedEnterprises(
  _db: Db,
  _places: { today: string; kwilcz: Place; wagrowiec: Place; poznan: Place },
): Promise<void> {}
