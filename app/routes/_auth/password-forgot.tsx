import { data, Link } from 'react-router';
import { ErrorSummary, PostForm, TextField } from '../../components/ui/form.tsx';
import { useT } from '../../components/ui/i18n-context.tsx';
import { PageHeader } from '../../components/ui/page.tsx';
import { forgotSchema } from '../../features/auth/auth.schema.ts';
import { requestPasswordReset } from '../../features/auth/password-reset.server.ts';
import { type FormFailure, parseForm } from '../../lib/forms.ts';
import { redirectWithFlash, requestInfo, services } from '../../lib/request.server.ts';
import { baseUrl } from '../../lib/urls.server.ts';
import type { Route } from './+types/password-forgot';

export async function action({ request, context }: Route.ActionArgs) {
  const parsed = parseForm(await request.formData(), forgotSchema);
  if (!parsed.ok) return data<FormFailure>(parsed, { status: 400 });
  const { db, config, mail } = services(context);
  await requestPasswordReset(db, {
    email: parsed.data.email,
    baseUrl: baseUrl(request, config),
    mail,
    requestId: requestInfo(context).requestId,
  });
  return redirectWithFlash(context, '/login', { kind: 'info', key: 'auth.forgot.sent' });
}

export default function PasswordForgot({ actionData }: Route.ComponentProps) {
  const t = useT();
  const failed = actionData && !actionData.ok ? actionData : null;
  return (
    <div className="narrow">
      <PageHeader title={t('auth.forgot.title')} hasError={Boolean(failed)} lead={t('auth.forgot.lead')} />
      <ErrorSummary errors={failed?.errors} />
      <PostForm className="stack">
        <TextField
          name="email"
          type="email"
          label={t('auth.form.email.label')}
          autoComplete="email"
          defaultValue={failed?.values.email}
          error={failed?.errors.email}
        />
        <div className="actions">
          <button type="submit" className="button button--primary">
            {t('auth.forgot.submit')}
          </button>
          <Link to="/login">{t('auth.forgot.back')}</Link>
        </div>
      </PostForm>
    </div>
  );
}
