import { data } from 'react-router';
import { ErrorSummary, PostForm, TextField } from '../../components/ui/form.tsx';
import { useT } from '../../components/ui/i18n-context.tsx';
import { PageHeader } from '../../components/ui/page.tsx';
import { setupSchema } from '../../features/auth/auth.schema.ts';
import { createFirstAdmin, hasAnyUser } from '../../features/auth/setup.server.ts';
import { serializeCookie } from '../../lib/cookies.ts';
import { AppError } from '../../lib/errors.ts';
import { type FormFailure, parseForm } from '../../lib/forms.ts';
import { i18nOf, redirectWithFlash, requestInfo, run, services } from '../../lib/request.server.ts';
import { createSession, SESSION_COOKIE } from '../../lib/session.server.ts';
import type { Route } from './+types/setup';

/** One-time setup of an empty deployment: only reachable while no account exists. */
export async function loader({ context }: Route.LoaderArgs) {
  return run(async () => {
    if (await hasAnyUser(services(context).db)) throw new AppError('NOT_FOUND', 'errors.404.body');
    return {};
  });
}

export async function action({ request, context }: Route.ActionArgs) {
  const parsed = parseForm(await request.formData(), setupSchema);
  if (!parsed.ok)
    return data<FormFailure>(
      { ...parsed, values: { email: parsed.values.email ?? '', name: parsed.values.name ?? '' } },
      { status: 400 },
    );
  const { db, config } = services(context);
  const info = requestInfo(context);
  const { userId } = await run(() =>
    createFirstAdmin(db, { ...parsed.data, locale: i18nOf(context).locale, requestId: info.requestId }),
  );
  const token = await createSession(db, {
    userId,
    ip: info.ip,
    userAgent: request.headers.get('User-Agent'),
    config,
  });
  return redirectWithFlash(
    context,
    '/admin',
    { kind: 'success', key: 'auth.setup.created' },
    {
      headers: {
        'Set-Cookie': serializeCookie(SESSION_COOKIE, token, {
          secure: info.secure,
          maxAgeSeconds: config.sessionMaxHours * 3600,
        }),
      },
    },
  );
}

export default function Setup({ actionData }: Route.ComponentProps) {
  const t = useT();
  const failed = actionData && !actionData.ok ? actionData : null;
  return (
    <div className="narrow">
      <PageHeader title={t('auth.setup.title')} hasError={Boolean(failed)} lead={t('auth.setup.lead')} />
      <ErrorSummary errors={failed?.errors} />
      <PostForm className="stack">
        <TextField
          name="name"
          label={t('auth.form.name.label')}
          autoComplete="name"
          defaultValue={failed?.values.name}
          error={failed?.errors.name}
        />
        <TextField
          name="email"
          type="email"
          label={t('auth.form.email.label')}
          autoComplete="email"
          defaultValue={failed?.values.email}
          error={failed?.errors.email}
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
            {t('auth.setup.submit')}
          </button>
        </div>
      </PostForm>
    </div>
  );
}
