import { Form, Link } from 'react-router';
import { ErrorSummary, PostForm, RequiredNote, SelectField } from '../../components/ui/form.tsx';
import { useI18n } from '../../components/ui/i18n-context.tsx';
import { Breadcrumbs, PageHeader } from '../../components/ui/page.tsx';
import { PersonFields } from '../../features/club/components/person-fields.tsx';
import { personFields } from '../../features/people/person.schema.ts';
import { VolunteerFields } from '../../features/volunteers/components/volunteer-fields.tsx';
import { handleForm, requireVolunteerStaff } from '../../features/volunteers/volunteer-route.server.ts';
import { candidatePeople, organisationOptions } from '../../features/volunteers/volunteers.queries.server.ts';
import type { AgreementParameter } from '../../features/volunteers/volunteers.rules.ts';
import { registerVolunteer } from '../../features/volunteers/volunteers.server.ts';
import { dateInputValue } from '../../lib/dates.ts';
import { formValues } from '../../lib/forms.ts';
import { todayInWarsaw } from '../../lib/i18n/i18n.ts';
import { legalParameter } from '../../lib/legal-parameters.server.ts';
import { redirectWithFlash, run, services } from '../../lib/request.server.ts';
import type { Route } from './+types/volunteer-new';

export async function loader(args: Route.LoaderArgs) {
  return run(async () => {
    const { locality } = await requireVolunteerStaff(args);
    const db = services(args.context).db;
    const today = todayInWarsaw();
    const personQuery = new URL(args.request.url).searchParams.get('person')?.slice(0, 100) ?? '';
    const [parameter, organisations, candidates] = await Promise.all([
      legalParameter<AgreementParameter>(db, 'volunteers.agreement', today),
      organisationOptions(db, { localityId: locality.localityId }),
      candidatePeople(db, { localityId: locality.localityId, query: personQuery }),
    ]);
    return {
      locality: { slug: locality.slug, name: locality.name },
      parameter: parameter.value,
      organisations,
      personQuery,
      candidates: candidates.rows,
      moreCandidates: candidates.more,
      today: dateInputValue(today),
    };
  });
}

export async function action(args: Route.ActionArgs) {
  const { actor, locality } = await run(() => requireVolunteerStaff(args));
  const form = await args.request.formData();
  const values = formValues(form);
  return handleForm(form, async () => {
    const id = await registerVolunteer(services(args.context).db, {
      actor,
      locality,
      personId: values.personId?.trim() || null,
      person: values.personId?.trim() ? null : personFields(values),
      values,
      today: todayInWarsaw(),
    });
    return redirectWithFlash(args.context, `/app/${locality.slug}/volunteers/${id}`, {
      kind: 'success',
      key: 'volunteers.created',
    });
  });
}

export default function VolunteerNew({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useI18n();
  const { locality, organisations, parameter, candidates, moreCandidates, personQuery } = loaderData;
  const failed = actionData && !actionData.ok ? actionData : null;
  const v = failed?.values ?? {};
  const e = failed?.errors ?? {};
  const base = `/app/${locality.slug}/volunteers`;
  return (
    <div className="form-page">
      <PageHeader
        title={t('volunteers.new.title')}
        hasError={Boolean(failed)}
        lead={t('volunteers.new.lead')}
        breadcrumbs={
          <Breadcrumbs
            items={[
              { to: `/app/${locality.slug}`, label: locality.name },
              { to: base, label: t('volunteers.list.title') },
              { label: t('volunteers.new.title') },
            ]}
          />
        }
      />
      <Form method="get" className="search-form" role="search">
        <label htmlFor="person-q">{t('volunteers.new.search')}</label>
        <p className="hint" id="person-q-hint">
          {t('volunteers.new.searchHint')}
        </p>
        <div className="search-form__row">
          <input
            id="person-q"
            name="person"
            type="search"
            defaultValue={personQuery}
            className="input input--medium"
            aria-describedby="person-q-hint"
          />
          <button type="submit" className="button button--secondary">
            {t('common.search')}
          </button>
        </div>
      </Form>
      {personQuery && candidates.length === 0 ? <p>{t('volunteers.new.noneFound')}</p> : null}
      {moreCandidates ? (
        <p className="hint">{t('volunteers.new.narrow', { count: candidates.length })}</p>
      ) : null}
      <ErrorSummary errors={e} />
      <PostForm className="stack">
        <RequiredNote />
        {candidates.length > 0 || v.personId ? (
          <SelectField
            name="personId"
            label={t('volunteers.new.existing')}
            hint={t('volunteers.new.existingHint')}
            emptyLabel={t('volunteers.new.newPerson')}
            options={candidates.map((c) => ({ value: c.id, label: `${c.familyName} ${c.givenName}` }))}
            defaultValue={v.personId}
            error={e.personId}
          />
        ) : null}
        <fieldset className="field-group">
          <legend>{t('volunteers.new.newPersonTitle')}</legend>
          <p className="hint">{t('volunteers.new.newPersonHint')}</p>
          <PersonFields values={v} errors={e} />
        </fieldset>
        <VolunteerFields
          values={{ since: loaderData.today, ...v }}
          errors={e}
          organisations={organisations}
          parameter={parameter}
        />
        <div className="actions">
          <button type="submit" className="button button--primary">
            {t('volunteers.new.submit')}
          </button>
          <Link to={base}>{t('volunteers.form.cancel')}</Link>
        </div>
      </PostForm>
    </div>
  );
}
