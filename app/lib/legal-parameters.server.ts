import { and, desc, eq, gte, isNull, lte, or } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { legalParameters } from '../../db/schema/index.ts';

export type LegalParameter<T> = {
  key: string;
  value: T;
  validFrom: string;
  validTo: string | null;
  source: string;
  verified: boolean;
  note: string | null;
};

/**
 * The value of a legal parameter in force on a date (`YYYY-MM-DD`), with its source and
 * whether it was verified. Throws when the law has no value for that date: a missing
 * parameter is a configuration error, never a silent default.
 */
export async function legalParameter<T>(db: Db, key: string, onDate: string): Promise<LegalParameter<T>> {
  const [row] = await db
    .select()
    .from(legalParameters)
    .where(
      and(
        eq(legalParameters.key, key),
        lte(legalParameters.validFrom, onDate),
        or(isNull(legalParameters.validTo), gte(legalParameters.validTo, onDate)),
      ),
    )
    .orderBy(desc(legalParameters.validFrom))
    .limit(1);
  if (!row) throw new Error(`No legal parameter "${key}" in force on ${onDate}`);
  return { ...row, value: row.value as T };
}
