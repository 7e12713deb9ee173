import { data } from 'react-router';
import { ErrorSummary, PostForm, TextField } from '../../components/ui/form.tsx';
import { useT } from '../../components/ui/i18n-context.tsx';
import { PageHeader } from '../../components/ui/page.tsx';
import { resetSchema } from '../../features/auth/auth.schema.ts';
import { findValidReset, resetPassword } from '../../features/auth/password-reset.server.ts';
import { AppError } from '../../lib/errors.ts';
import { type FormFailure, parseForm } from '../../lib/forms.ts';
import { redirectWithFlash, requestInfo, run, services } from '../../lib/request.server.ts';
import type { Route } from './+types/password-reset';

export async function loader({ params, context }: Route.LoaderArgs) {
  return run(async () => {
    const valid = await findValidReset(services(context).db, { token: params.token });
    if (!valid) throw new AppError('BAD_REQUEST', 'auth.reset.expired');
    return { ok: true };
  });
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const parsed = parseForm(await request.formData(), resetSchema);
  if (!parsed.ok) return data<FormFailure>({ ...parsed, values: {} }, { status: 400 });
  await run(() =>
    resetPassword(services(context).db, {
      token: params.token,
      password: parsed.data.password,
      requestId: requestInfo(context).requestId,
    }),
  );
  return redirectWithFlash(context, '/login', { kind: 'success', key: 'auth.reset.done' });
}

export default function PasswordReset({ actionData }: Route.ComponentProps) {
  const t = useT();
  const failed = actionData && !actionData.ok ? actionData : null;
  return (
    <div className="narrow">
      <PageHeader title={t('auth.reset.title')} hasError={Boolean(failed)} />
      <ErrorSummary errors={failed?.errors} />
      <PostForm className="stack">
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
            {t('auth.reset.submit')}
          </button>
        </div>
      </PostForm>
    </div>
  );
}
