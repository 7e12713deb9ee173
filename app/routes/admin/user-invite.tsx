import { data } from 'react-router';
import { ErrorSummary, PostForm, SelectField, TextField } from '../../components/ui/form.tsx';
import { useI18n } from '../../components/ui/i18n-context.tsx';
import { Breadcrumbs, PageHeader } from '../../components/ui/page.tsx';
import { listLocalityOptions } from '../../features/localities/localities.server.ts';
import { inviteUser } from '../../features/users/invitations.server.ts';
import { inviteSchema } from '../../features/users/users.schema.ts';
import { AppError } from '../../lib/errors.ts';
import { type FieldErrors, formValues, parseForm } from '../../lib/forms.ts';
import {
  i18nOf,
  redirectWithFlash,
  requirePlatformAdmin,
  services,
  throwAppError,
} from '../../lib/request.server.ts';
import { ROLES } from '../../lib/roles.ts';
import { baseUrl } from '../../lib/urls.server.ts';
import type { Route } from './+types/user-invite';

export async function loader(args: Route.LoaderArgs) {
  requirePlatformAdmin(args);
  const url = new URL(args.request.url);
  return {
    localities: await listLocalityOptions(services(args.context).db),
    preselect: url.searchParams.get('locality') ?? '',
  };
}

type Failure = { ok: false; errors: FieldErrors; values: Record<string, string> };

export async function action(args: Route.ActionArgs) {
  const actor = requirePlatformAdmin(args);
  const form = await args.request.formData();
  const parsed = parseForm(form, inviteSchema);
  if (!parsed.ok) return data<Failure>(parsed, { status: 400 });
  const { db, mail, config } = services(args.context);
  try {
    await inviteUser(db, {
      actor,
      input: parsed.data,
      baseUrl: baseUrl(args.request, config),
      mail,
      locale: i18nOf(args.context).locale,
    });
  } catch (error) {
    if (error instanceof AppError && error.code === 'BAD_REQUEST') {
      return data<Failure>(
        { ok: false, errors: error.fieldErrors, values: formValues(form) },
        { status: 400 },
      );
    }
    if (error instanceof AppError) throwAppError(error);
    throw error;
  }
  return redirectWithFlash(args.context, '/admin/users', {
    kind: 'success',
    key: 'admin.invite.sent',
    values: { email: parsed.data.email },
  });
}

export default function UserInvite({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useI18n();
  const failed = actionData && !actionData.ok ? actionData : null;
  return (
    <div className="narrow">
      <PageHeader
        title={t('admin.invite.title')}
        hasError={Boolean(failed)}
        lead={t('admin.invite.lead')}
        breadcrumbs={
          <Breadcrumbs
            items={[
              { to: '/admin/users', label: t('admin.users.title') },
              { label: t('admin.invite.title') },
            ]}
          />
        }
      />
      <ErrorSummary errors={failed?.errors} />
      <PostForm className="stack">
        <TextField
          name="email"
          type="email"
          label={t('auth.form.email.label')}
          autoComplete="off"
          defaultValue={failed?.values.email}
          error={failed?.errors.email}
        />
        <SelectField
          name="localityId"
          label={t('admin.invite.locality.label')}
          emptyLabel={t('admin.invite.locality.choose')}
          defaultValue={failed?.values.localityId ?? loaderData.preselect}
          options={loaderData.localities.map((l) => ({
            value: l.id,
            label: `${l.name} (${t(`common.localityKind.${l.kind as 'rural'}`)})`,
          }))}
          error={failed?.errors.localityId}
        />
        <SelectField
          name="role"
          label={t('admin.invite.role.label')}
          emptyLabel={t('admin.invite.role.choose')}
          defaultValue={failed?.values.role}
          options={ROLES.map((r) => ({ value: r, label: t(`common.role.${r}`) }))}
          error={failed?.errors.role}
        />
        <div className="actions">
          <button type="submit" className="button button--primary">
            {t('admin.invite.submit')}
          </button>
        </div>
      </PostForm>
    </div>
  );
}
