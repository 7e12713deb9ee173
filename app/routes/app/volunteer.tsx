import { ErrorSummary, PostForm } from '../../components/ui/form.tsx';
import { useI18n } from '../../components/ui/i18n-context.tsx';
import { Breadcrumbs, PageHeader } from '../../components/ui/page.tsx';
import { HoursForm } from '../../features/volunteers/components/hours-form.tsx';
import { HoursTable } from '../../features/volunteers/components/hours-table.tsx';
import { VolunteerSections } from '../../features/volunteers/components/volunteer-sections.tsx';
import { handleForm, requireVolunteerReader } from '../../features/volunteers/volunteer-route.server.ts';
import {
  getVolunteer,
  listHours,
  organisationOptions,
} from '../../features/volunteers/volunteers.queries.server.ts';
import {
  type AgreementParameter,
  checkAgreement,
  hoursPl,
} from '../../features/volunteers/volunteers.rules.ts';
import {
  auditVolunteerRead,
  deleteHours,
  endVolunteer,
  hourlyRateOn,
  logHours,
  updateHours,
  updateVolunteer,
} from '../../features/volunteers/volunteers.server.ts';
import { dateInputValue } from '../../lib/dates.ts';
import { AppError } from '../../lib/errors.ts';
import { formValues } from '../../lib/forms.ts';
import type { MessageKey } from '../../lib/i18n/catalog.ts';
import { todayInWarsaw } from '../../lib/i18n/i18n.ts';
import { legalParameter } from '../../lib/legal-parameters.server.ts';
import { parsePage } from '../../lib/pagination.ts';
import { redirectWithFlash, run, services, throwAppError } from '../../lib/request.server.ts';
import type { Route } from './+types/volunteer';

export async function loader(args: Route.LoaderArgs) {
  return run(async () => {
    const { organisations: hosts, ...ctx } = await requireVolunteerReader(args);
    const { locality } = ctx;
    const db = services(args.context).db;
    const today = todayInWarsaw();
    const row = await getVolunteer(db, { localityId: locality.localityId, id: args.params.personId });
    // A partner representative sees only the volunteers of their own organisations.
    if (!row || (hosts && !hosts.includes(row.volunteer.organisationId ?? '')))
      throw new AppError('NOT_FOUND', 'errors.404.body');
    const url = new URL(args.request.url);
    const page = parsePage(url, 20);
    const scope = { localityId: locality.localityId };
    const [hours, organisations, parameter, rate] = await Promise.all([
      listHours(db, {
        ...scope,
        personId: row.person.id,
        year: today.slice(0, 4),
        ...page,
        limit: page.pageSize,
      }),
      organisationOptions(db, scope),
      legalParameter<AgreementParameter>(db, 'volunteers.agreement', today),
      hourlyRateOn(db, today),
      auditVolunteerRead(db, { ...ctx, id: row.person.id, what: 'page' }),
    ]);
    const editId = url.searchParams.get('edit');
    const editing = hours.rows.find((h) => h.id === editId) ?? null;
    const v = row.volunteer;
    const staff = hosts === null;
    return {
      locality: { slug: locality.slug, name: locality.name },
      staff,
      // Contact details and the GDPR basis are for the register's staff only.
      person: staff ? row.person : { ...row.person, email: '', phone: '', legalBasis: '', basisNote: '' },
      volunteer: v,
      organisationName: row.organisation?.name ?? null,
      createdByName: row.createdByName,
      check: checkAgreement(v, parameter.value),
      parameter: { value: parameter.value, source: parameter.source, verified: parameter.verified },
      rate,
      organisations: staff ? organisations : organisations.filter((o) => hosts.includes(o.id)),
      hours: {
        rows: hours.rows,
        totals: { hours: hours.hours, value: hours.value },
        year: { year: today.slice(0, 4), hours: hours.yearHours, value: hours.yearValue },
      },
      page: { page: page.page, pageSize: page.pageSize, total: hours.total },
      editing: editing
        ? {
            id: editing.id,
            workedOn: dateInputValue(editing.workedOn),
            hours: hoursPl(editing.hours),
            activity: editing.activity,
            organisationId: editing.organisationId ?? '',
          }
        : null,
      edit: {
        organisationId: v.organisationId ?? '',
        skills: v.skills,
        since: dateInputValue(v.since),
        agreementScope: v.agreementScope,
        agreementFrom: dateInputValue(v.agreementFrom),
        agreementTo: dateInputValue(v.agreementTo),
        agreementSignedOn: dateInputValue(v.agreementSignedOn),
      },
      today: dateInputValue(today),
    };
  });
}

export async function action(args: Route.ActionArgs) {
  const { actor, locality } = await run(() => requireVolunteerReader(args));
  const db = services(args.context).db;
  const form = await args.request.formData();
  const values = formValues(form);
  const personId = args.params.personId;
  const today = todayInWarsaw();
  const ctx = { actor, locality, today };
  const pageUrl = `/app/${locality.slug}/volunteers/${personId}`;
  const done = (key: MessageKey, anchor = '') =>
    redirectWithFlash(args.context, pageUrl + anchor, { kind: 'success', key });
  return handleForm(form, async () => {
    switch (values.intent) {
      case 'update':
        await updateVolunteer(db, { ...ctx, id: personId, values });
        return done('volunteers.updated');
      case 'end':
        await endVolunteer(db, { ...ctx, id: personId });
        return done('volunteers.ended');
      case 'logHours':
        await logHours(db, { ...ctx, personId, values });
        return done('volunteers.hours.logged', '#hours');
      case 'updateHours':
        await updateHours(db, { ...ctx, personId, hoursId: values.hoursId ?? '', values });
        return done('volunteers.hours.updated', '#hours');
      case 'deleteHours':
        await deleteHours(db, { ...ctx, personId, hoursId: values.hoursId ?? '' });
        return done('volunteers.hours.deleted', '#hours');
      default:
        throwAppError(new AppError('BAD_REQUEST', 'errors.400.body'));
    }
  });
}

export default function Volunteer({ loaderData, actionData }: Route.ComponentProps) {
  const { t, money, number } = useI18n();
  const d = loaderData;
  const failed = actionData && !actionData.ok ? actionData : null;
  const base = `/app/${d.locality.slug}/volunteers`;
  const pageUrl = `${base}/${d.person.id}`;
  const name = `${d.person.givenName} ${d.person.familyName}`;
  const v = d.volunteer;
  const hoursFailed = failed?.intent === 'logHours' || failed?.intent === 'updateHours' ? failed : null;
  const updateFailed = failed?.intent === 'update' ? failed : null;
  const editing =
    hoursFailed?.intent === 'updateHours' ? (hoursFailed.values.hoursId ?? null) : (d.editing?.id ?? null);
  return (
    <>
      <PageHeader
        title={name}
        hasError={Boolean(failed)}
        lead={t('volunteers.page.lead')}
        breadcrumbs={
          <Breadcrumbs
            items={[
              { to: `/app/${d.locality.slug}`, label: d.locality.name },
              { to: base, label: t('volunteers.list.title') },
              { label: name },
            ]}
          />
        }
        actions={
          d.staff ? (
            <a href={`${pageUrl}/agreement.pdf`} className="button button--secondary">
              {t('volunteers.page.agreementPdf')}
            </a>
          ) : null
        }
      />
      <VolunteerSections
        data={d}
        updateFailed={updateFailed ? { values: updateFailed.values, errors: updateFailed.errors } : null}
      />
      <section aria-labelledby="hours" className="section">
        <h2 id="hours">{t('volunteers.page.hours')}</h2>
        <p>
          {t('volunteers.page.yearSummary', {
            year: d.hours.year.year,
            hours: number(d.hours.year.hours),
            value: money(d.hours.year.value),
          })}
        </p>
        <p className="hint">
          {d.rate
            ? t('volunteers.page.rateNow', { rate: money(Number(d.rate)) })
            : t('volunteers.page.rateNone')}
        </p>
        <HoursTable rows={d.hours.rows} totals={d.hours.totals} page={d.page} pageUrl={pageUrl} />
        <h3 id="hours-form">{editing ? t('volunteers.hours.editTitle') : t('volunteers.hours.title')}</h3>
        <HoursForm
          key={editing ?? 'new'}
          values={
            hoursFailed?.values ?? d.editing ?? { workedOn: d.today, organisationId: v.organisationId ?? '' }
          }
          errors={hoursFailed?.errors ?? {}}
          organisations={d.organisations}
          editing={editing}
          cancelTo={`${pageUrl}#hours`}
        />
      </section>
      {d.staff && v.status === 'active' ? (
        <section aria-labelledby="vp-end" className="section">
          <h2 id="vp-end">{t('volunteers.end.title')}</h2>
          <p>{t('volunteers.end.hint')}</p>
          {failed?.intent === 'end' ? <ErrorSummary errors={failed.errors} /> : null}
          <PostForm>
            <input type="hidden" name="intent" value="end" />
            <button type="submit" className="button button--danger">
              {t('volunteers.end.submit')}
            </button>
          </PostForm>
        </section>
      ) : null}
    </>
  );
}
