import { redirect } from 'react-router';
import { writeAudit } from '../../lib/audit.server.ts';
import { clearCookie, parseCookies } from '../../lib/cookies.ts';
import { currentActor, redirectWithFlash, requestInfo, services } from '../../lib/request.server.ts';
import { destroySession, SESSION_COOKIE } from '../../lib/session.server.ts';
import type { Route } from './+types/logout';

export function loader() {
  return redirect('/');
}

export async function action({ request, context }: Route.ActionArgs) {
  const { db } = services(context);
  const info = requestInfo(context);
  const actor = currentActor(context);
  await db.transaction(async (tx) => {
    await destroySession(tx, parseCookies(request.headers.get('Cookie'))[SESSION_COOKIE]);
    if (actor) {
      await writeAudit(tx, {
        actorUserId: actor.userId,
        localityId: null,
        requestId: info.requestId,
        action: 'auth.logout',
        entityType: 'user',
        entityId: actor.userId,
      });
    }
  });
  return redirectWithFlash(
    context,
    '/login',
    { kind: 'info', key: 'auth.logout.done' },
    {
      headers: { 'Set-Cookie': clearCookie(SESSION_COOKIE, info.secure) },
    },
  );
}
