import { data, Form, useLocation } from 'react-router';
import { ErrorSummary, RadioGroup, SelectField, TextField } from '../../components/ui/form.tsx';
import { useCsrf, useI18n } from '../../components/ui/i18n-context.tsx';
import { Breadcrumbs, PageHeader } from '../../components/ui/page.tsx';
import { searchLocalityOptions } from '../../features/localities/localities.server.ts';
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

/**
 * The form's values travel in the address while the person searches for a locality (a GET
 * search that works without JavaScript), so the e-mail and role typed so far are kept.
 * `?locality=` preselects a locality (the link from the list of localities).
 */
export async function loader(args: Route.LoaderArgs) {
  requirePlatformAdmin(args);
  const params = new URL(args.request.url).searchParams;
  const value = (name: string) => params.get(name)?.slice(0, 200) ?? '';
  const q = value('q').slice(0, 100);
  const selected = value('localityId') || value('locality');
  const options = await searchLocalityOptions(services(args.context).db, { query: q, selectedId: selected });
  return {
    q,
    localities: options.rows,
    more: options.more,
    values: { email: value('email'), localityId: selected, role: value('role') },
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
  const csrf = useCsrf();
  const { search } = useLocation();
  const failed = actionData && !actionData.ok ? actionData : null;
  const { q, localities, more } = loaderData;
  const values = failed?.values ?? loaderData.values;
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
      {/*
        One form, two submit buttons: "Search" reloads the page with everything typed so far in
        the address (GET); "Send" posts it. The CSRF token rides on the send button only, so it
        never lands in the address.
      */}
      <Form method="get" className="stack" noValidate>
        <TextField
          name="email"
          type="email"
          label={t('auth.form.email.label')}
          autoComplete="off"
          defaultValue={values.email}
          error={failed?.errors.email}
        />
        <div className="field">
          <label htmlFor="locality-q">{t('admin.invite.locality.search')}</label>
          <p className="hint" id="locality-q-hint">
            {t('admin.invite.locality.searchHint')}
          </p>
          <div className="search-form__row">
            <input
              id="locality-q"
              name="q"
              type="search"
              defaultValue={q}
              className="input input--medium"
              aria-describedby="locality-q-hint"
            />
            <button type="submit" className="button button--secondary">
              {t('admin.invite.locality.searchButton')}
            </button>
          </div>
        </div>
        {localities.length === 0 ? (
          <p className="notice" id="f-localityId">
            {t('admin.invite.locality.noMatch', { q })}
          </p>
        ) : (
          <>
            {more ? (
              <p className="hint">{t('admin.invite.locality.narrow', { count: localities.length })}</p>
            ) : null}
            <RadioGroup
              name="localityId"
              label={t('admin.invite.locality.label')}
              defaultValue={values.localityId}
              options={localities.map((l) => ({
                value: l.id,
                label: `${l.name} (${t(`common.localityKind.${l.kind as 'rural'}`)}), ${t('admin.invite.locality.voivodeship', { voivodeship: l.voivodeship })}`,
              }))}
              error={failed?.errors.localityId}
            />
          </>
        )}
        <SelectField
          name="role"
          label={t('admin.invite.role.label')}
          emptyLabel={t('admin.invite.role.choose')}
          defaultValue={values.role}
          options={ROLES.map((r) => ({ value: r, label: t(`common.role.${r}`) }))}
          error={failed?.errors.role}
        />
        <div className="actions">
          <button
            type="submit"
            className="button button--primary"
            formMethod="post"
            formAction={`/admin/users/invite${search}`}
            name="_csrf"
            value={csrf}
          >
            {t('admin.invite.submit')}
          </button>
        </div>
      </Form>
    </div>
  );
}
