import { eq } from 'drizzle-orm';
import { redirect } from 'react-router';
import { users } from '../../../db/schema/index.ts';
import { writeAudit } from '../../lib/audit.server.ts';
import { serializeCookie } from '../../lib/cookies.ts';
import { isLocale } from '../../lib/i18n/catalog.ts';
import { LANG_COOKIE } from '../../lib/middleware.server.ts';
import { currentActor, requestInfo, safeNext, services } from '../../lib/request.server.ts';
import type { Route } from './+types/lang';

export function loader() {
  return redirect('/');
}

/** Switches the language; the choice is kept in a cookie and, when signed in, on the account. */
export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const lang = form.get('lang');
  const returnTo = safeNext(String(form.get('returnTo') ?? ''), '/');
  if (!isLocale(lang)) return redirect(returnTo);
  const actor = currentActor(context);
  if (actor && actor.locale !== lang) {
    await services(context).db.transaction(async (tx) => {
      await tx.update(users).set({ locale: lang }).where(eq(users.id, actor.userId));
      await writeAudit(tx, {
        actorUserId: actor.userId,
        localityId: null,
        requestId: actor.requestId,
        action: 'user.set_locale',
        entityType: 'user',
        entityId: actor.userId,
        details: { locale: lang },
      });
    });
  }
  const cookie = serializeCookie(LANG_COOKIE, lang, {
    maxAgeSeconds: 365 * 86_400,
    secure: requestInfo(context).secure,
  });
  return redirect(returnTo, { headers: { 'Set-Cookie': cookie } });
}
