import { data, Link, redirect } from 'react-router';
import { ErrorSummary, PostForm, TextField } from '../../components/ui/form.tsx';
import { useT } from '../../components/ui/i18n-context.tsx';
import { PageHeader } from '../../components/ui/page.tsx';
import { loginSchema } from '../../features/auth/auth.schema.ts';
import { login } from '../../features/auth/login.server.ts';
import { serializeCookie } from '../../lib/cookies.ts';
import { type FormFailure, formFailure, parseForm } from '../../lib/forms.ts';
import { CSRF_COOKIE } from '../../lib/middleware.server.ts';
import { currentActor, requestInfo, safeNext, services } from '../../lib/request.server.ts';
import { createSession, SESSION_COOKIE } from '../../lib/session.server.ts';
import { newToken } from '../../lib/tokens.server.ts';
import type { Route } from './+types/login';

export async function loader({ request, context }: Route.LoaderArgs) {
  const next = new URL(request.url).searchParams.get('next');
  if (currentActor(context)) throw redirect(safeNext(next));
  return { next: next ?? '' };
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const parsed = parseForm(form, loginSchema);
  if (!parsed.ok) return data<FormFailure>(parsed, { status: 400 });
  const { db, config } = services(context);
  const info = requestInfo(context);
  const result = await login(db, {
    email: parsed.data.email,
    password: parsed.data.password,
    ip: info.ip,
    requestId: info.requestId,
  });
  const values = { email: parsed.data.email, next: parsed.data.next ?? '' };
  if (!result.ok) {
    if (result.reason === 'throttled') {
      return data(
        { ...formFailure({ _form: 'auth.login.throttled' }, values), retryMinutes: result.retryMinutes },
        { status: 429 },
      );
    }
    return data(formFailure({ _form: 'auth.login.invalid' }, values), { status: 401 });
  }
  const token = await createSession(db, {
    userId: result.userId,
    ip: info.ip,
    userAgent: request.headers.get('User-Agent'),
    config,
  });
  const headers = new Headers();
  headers.append(
    'Set-Cookie',
    serializeCookie(SESSION_COOKIE, token, {
      secure: info.secure,
      maxAgeSeconds: config.sessionMaxHours * 3600,
    }),
  );
  // A fresh CSRF token for the new session.
  headers.append('Set-Cookie', serializeCookie(CSRF_COOKIE, newToken(), { secure: info.secure }));
  return redirect(safeNext(parsed.data.next), { headers });
}

export default function Login({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const failed = actionData && !actionData.ok ? actionData : null;
  const retry = failed && 'retryMinutes' in failed ? Number(failed.retryMinutes) : undefined;
  return (
    <div className="narrow">
      <PageHeader title={t('auth.login.title')} hasError={Boolean(failed)} />
      {failed?.errors._form && retry ? (
        <div className="error-summary" role="alert" tabIndex={-1}>
          <h2>{t('common.form.errorSummary')}</h2>
          <p>{t('auth.login.throttled', { minutes: retry })}</p>
        </div>
      ) : (
        <ErrorSummary errors={failed?.errors} />
      )}
      <PostForm className="stack">
        <input type="hidden" name="next" value={failed?.values.next ?? loaderData.next} />
        <TextField
          name="email"
          type="email"
          label={t('auth.form.email.label')}
          autoComplete="username"
          defaultValue={failed?.values.email}
          error={failed?.errors.email}
        />
        <TextField
          name="password"
          type="password"
          label={t('auth.form.password.label')}
          autoComplete="current-password"
          error={failed?.errors.password}
        />
        <div className="actions">
          <button type="submit" className="button button--primary">
            {t('auth.login.submit')}
          </button>
          <Link to="/password/forgot">{t('auth.login.forgot')}</Link>
        </div>
      </PostForm>
    </div>
  );
}
