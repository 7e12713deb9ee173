import { Link } from 'react-router';
import { ErrorSummary, PostForm, TextField } from '../../components/ui/form.tsx';
import { useI18n } from '../../components/ui/i18n-context.tsx';
import { PageHeader } from '../../components/ui/page.tsx';
import { selfUpdateSchema } from '../../features/me/me.schema.ts';
import { canUseSelfService, loadMyData, updateMyData } from '../../features/me/me.server.ts';
import { failure } from '../../features/participants/participant-route.server.ts';
import { forbidden, notFound } from '../../lib/errors.ts';
import { parseForm } from '../../lib/forms.ts';
import { redirectWithFlash, requireActor, run, services } from '../../lib/request.server.ts';
import type { Route } from './+types/me-data';

async function self(args: Route.LoaderArgs | Route.ActionArgs) {
  const r = await requireActor(args, { locality: args.params.locality });
  if (!canUseSelfService(r.locality)) throw forbidden();
  return { ...r, db: services(args.context).db };
}

/** A participant corrects their own names, e-mail and phone. */
export async function loader(args: Route.LoaderArgs) {
  return run(async () => {
    const { actor, locality, db } = await self(args);
    const person = await loadMyData(db, { actor, locality });
    if (!person) throw notFound();
    return {
      locality: { slug: locality.slug },
      person: {
        givenName: person.givenName,
        familyName: person.familyName,
        email: person.email,
        phone: person.phone,
      },
    };
  });
}

export async function action(args: Route.ActionArgs) {
  return run(async () => {
    const { actor, locality, db } = await self(args);
    const form = await args.request.formData();
    const parsed = parseForm(form, selfUpdateSchema);
    if (!parsed.ok) return failure(form, parsed.errors);
    const changed = await updateMyData(db, { actor, locality, input: parsed.data });
    return redirectWithFlash(args.context, `/app/${locality.slug}/me#my-data`, {
      kind: 'success',
      key: changed.length ? 'me.data.saved' : 'me.data.unchanged',
    });
  });
}

export default function MeData({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useI18n();
  const failed = actionData && !actionData.ok ? actionData : null;
  const v = failed?.values ?? loaderData.person;
  const e = failed?.errors ?? {};
  return (
    <div className="me">
      <PageHeader title={t('me.data.editTitle')} hasError={Boolean(failed)} lead={t('me.data.editLead')} />
      <ErrorSummary errors={failed?.errors} />
      <PostForm className="stack me-form">
        <TextField
          name="givenName"
          label={t('me.data.givenName')}
          defaultValue={v.givenName}
          error={e.givenName}
          autoComplete="given-name"
          required
        />
        <TextField
          name="familyName"
          label={t('me.data.familyName')}
          defaultValue={v.familyName}
          error={e.familyName}
          autoComplete="family-name"
          required
        />
        <TextField
          name="email"
          type="email"
          label={t('me.data.email')}
          hint={t('me.data.emailHint')}
          defaultValue={v.email}
          error={e.email}
          autoComplete="email"
          inputMode="email"
        />
        <TextField
          name="phone"
          label={t('me.data.phone')}
          hint={t('me.data.phoneHint')}
          defaultValue={v.phone}
          error={e.phone}
          autoComplete="tel"
        />
        <div className="me-actions">
          <button type="submit" className="button button--primary me-button">
            {t('me.data.save')}
          </button>
          <Link to={`/app/${loaderData.locality.slug}/me`} className="button button--secondary me-button">
            {t('me.back')}
          </Link>
        </div>
      </PostForm>
    </div>
  );
}
