import { count } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { users } from '../../../db/schema/index.ts';
import { writeAudit } from '../../lib/audit.server.ts';
import { AppError } from '../../lib/errors.ts';
import { hashPassword } from './password.server.ts';

export async function hasAnyUser(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(users);
  return (row?.n ?? 0) > 0;
}

/**
 * Creates the first platform administrator of an empty deployment. Refused once any
 * account exists, so the one-time setup page cannot be used to take over a system.
 */
export async function createFirstAdmin(
  db: Db,
  opts: { email: string; name: string; password: string; locale?: 'pl' | 'en'; requestId: string | null },
): Promise<{ userId: string }> {
  const passwordHash = await hashPassword(opts.password);
  return db.transaction(async (tx) => {
    if (await hasAnyUser(tx)) throw new AppError('FORBIDDEN', 'auth.setup.done');
    const [created] = await tx
      .insert(users)
      .values({
        email: opts.email,
        name: opts.name,
        passwordHash,
        isPlatformAdmin: true,
        locale: opts.locale ?? 'pl',
      })
      .returning({ id: users.id });
    await writeAudit(tx, {
      actorUserId: created!.id,
      localityId: null,
      requestId: opts.requestId,
      action: 'user.create_first_admin',
      entityType: 'user',
      entityId: created!.id,
    });
    return { userId: created!.id };
  });
}
