import { data, Link, useLocation } from 'react-router';
import { ErrorSummary, PostForm, TextField } from '../../components/ui/form.tsx';
import { useT } from '../../components/ui/i18n-context.tsx';
import { PageHeader } from '../../components/ui/page.tsx';
import { acceptInvitationSchema } from '../../features/auth/auth.schema.ts';
import { acceptInvitation, findOpenInvitation } from '../../features/users/invitations.server.ts';
import { serializeCookie } from '../../lib/cookies.ts';
import { AppError } from '../../lib/errors.ts';
import { type FormFailure, parseForm } from '../../lib/forms.ts';
import {
  currentActor,
  i18nOf,
  redirectWithFlash,
  requestInfo,
  run,
  services,
} from '../../lib/request.server.ts';
import { createSession, SESSION_COOKIE } from '../../lib/session.server.ts';
import type { Route } from './+types/invitation';

export async function loader({ params, context }: Route.LoaderArgs) {
  return run(async () => {
    const invitation = await findOpenInvitation(services(context).db, { token: params.token });
    if (!invitation) throw new AppError('NOT_FOUND', 'auth.invitation.unknown');
    const actor = currentActor(context);
    return {
      email: invitation.email,
      role: invitation.role,
      localityName: invitation.localityName,
      needsAccount: !invitation.existingUserId,
      signedInAsInvitee: Boolean(actor && actor.userId === invitation.existingUserId),
    };
  });
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { db, config } = services(context);
  const info = requestInfo(context);
  const actor = currentActor(context);
  const form = await request.formData();
  const invitation = await run(async () => {
    const found = await findOpenInvitation(db, { token: params.token });
    if (!found) throw new AppError('NOT_FOUND', 'auth.invitation.unknown');
    return found;
  });
  let newAccount: { name: string; password: string; locale: 'pl' | 'en' } | undefined;
  if (!invitation.existingUserId) {
    const parsed = parseForm(form, acceptInvitationSchema);
    if (!parsed.ok)
      return data<FormFailure>({ ...parsed, values: { name: parsed.values.name ?? '' } }, { status: 400 });
    newAccount = { name: parsed.data.name, password: parsed.data.password, locale: i18nOf(context).locale };
  }
  const result = await run(() =>
    acceptInvitation(db, {
      token: params.token,
      requestId: info.requestId,
      signedInUserId: actor?.userId ?? null,
      newAccount,
    }),
  );
  const headers = new Headers();
  if (!actor) {
    const token = await createSession(db, {
      userId: result.userId,
      ip: info.ip,
      userAgent: request.headers.get('User-Agent'),
      config,
    });
    headers.append(
      'Set-Cookie',
      serializeCookie(SESSION_COOKIE, token, {
        secure: info.secure,
        maxAgeSeconds: config.sessionMaxHours * 3600,
      }),
    );
  }
  return redirectWithFlash(
    context,
    `/app/${result.localitySlug}`,
    { kind: 'success', key: 'auth.invitation.accepted' },
    { headers },
  );
}

export default function Invitation({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { pathname } = useLocation();
  const failed = actionData && !actionData.ok ? actionData : null;
  const lead = t('auth.invitation.lead', {
    locality: loaderData.localityName,
    role: t(`common.role.${loaderData.role}`),
  });
  return (
    <div className="narrow">
      <PageHeader title={t('auth.invitation.title')} hasError={Boolean(failed)} lead={lead} />
      <ErrorSummary errors={failed?.errors} />
      {loaderData.needsAccount ? (
        <PostForm className="stack">
          <p>{t('auth.invitation.forEmail', { email: loaderData.email })}</p>
          <TextField
            name="name"
            label={t('auth.form.name.label')}
            autoComplete="name"
            defaultValue={failed?.values.name}
            error={failed?.errors.name}
          />
          <TextField
            name="password"
            type="password"
            label={t('auth.form.newPassword.label')}
            hint={t('auth.form.newPassword.hint')}
            autoComplete="new-password"
            error={failed?.errors.password}
          />
          <TextField
            name="confirm"
            type="password"
            label={t('auth.form.confirm.label')}
            autoComplete="new-password"
            error={failed?.errors.confirm}
          />
          <div className="actions">
            <button type="submit" className="button button--primary">
              {t('auth.invitation.create')}
            </button>
          </div>
        </PostForm>
      ) : loaderData.signedInAsInvitee ? (
        <PostForm className="stack">
          <div className="actions">
            <button type="submit" className="button button--primary">
              {t('auth.invitation.accept')}
            </button>
          </div>
        </PostForm>
      ) : (
        <p>
          {t('auth.invitation.signInFirst')}{' '}
          <Link to={`/login?next=${encodeURIComponent(pathname)}`}>{t('common.login')}</Link>
        </p>
      )}
    </div>
  );
}
