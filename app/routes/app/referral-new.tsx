import { Link } from 'react-router';
import { ErrorSummary, PostForm, SelectField, TextArea } from '../../components/ui/form.tsx';
import { useI18n } from '../../components/ui/i18n-context.tsx';
import { Breadcrumbs, PageHeader } from '../../components/ui/page.tsx';
import { Checkbox } from '../../features/club/components/person-fields.tsx';
import { handleForm } from '../../features/participants/participant-route.server.ts';
import { auditParticipantRead } from '../../features/participants/participants.server.ts';
import { loadReferralForm } from '../../features/referrals/referral-form.server.ts';
import { canSendReferrals } from '../../features/referrals/referrals.policy.ts';
import { UUID } from '../../features/referrals/referrals.queries.server.ts';
import { sendReferral } from '../../features/referrals/send-referral.server.ts';
import { AppError } from '../../lib/errors.ts';
import { formValues } from '../../lib/forms.ts';
import { todayInWarsaw } from '../../lib/i18n/i18n.ts';
import { redirectWithFlash, requireActor, run, services } from '../../lib/request.server.ts';
import { baseUrl } from '../../lib/urls.server.ts';
import type { Route } from './+types/referral-new';

async function requireSender(args: Route.LoaderArgs | Route.ActionArgs) {
  const r = await requireActor(args, { locality: args.params.locality });
  if (!canSendReferrals(r.actor, r.locality)) throw new AppError('FORBIDDEN', 'errors.403.body');
  return r;
}

export async function loader(args: Route.LoaderArgs) {
  return run(async () => {
    const { actor, locality } = await requireSender(args);
    const db = services(args.context).db;
    const personParam = new URL(args.request.url).searchParams.get('person');
    const personId = personParam && UUID.test(personParam) ? personParam : null;
    if (personParam && !personId) throw new AppError('NOT_FOUND', 'errors.404.body');
    const form = await loadReferralForm(db, { localityId: locality.localityId, personId });
    if (personId && !form.person) throw new AppError('NOT_FOUND', 'errors.404.body');
    // The form shows the person's name and consents: a read of their record.
    if (form.person)
      await auditParticipantRead(db, { actor, locality, id: form.person.id, purpose: 'referral' });
    const leader = form.organisations.find((o) => o.leads);
    return {
      locality: { slug: locality.slug, name: locality.name },
      person: form.person,
      organisations: form.organisations.map((o) => ({ id: o.id, name: o.name })),
      defaultFrom: leader?.id ?? '',
    };
  });
}

export async function action(args: Route.ActionArgs) {
  const { actor, locality } = await run(() => requireSender(args));
  const form = await args.request.formData();
  const { db, mail, config } = services(args.context);
  return handleForm(form, async () => {
    const id = await sendReferral(db, {
      actor,
      locality,
      personId: String(form.get('personId') ?? ''),
      values: formValues(form),
      today: todayInWarsaw(),
      notify: { mail, baseUrl: baseUrl(args.request, config) },
    });
    return redirectWithFlash(args.context, `/app/${locality.slug}/referrals/${id}`, {
      kind: 'success',
      key: 'referrals.sent',
    });
  });
}

export default function ReferralNew({ loaderData, actionData }: Route.ComponentProps) {
  const { t, date } = useI18n();
  const { locality, person, organisations, defaultFrom } = loaderData;
  const failed = actionData && !actionData.ok ? actionData : null;
  const participantsUrl = `/app/${locality.slug}/participants`;
  const consented = new Map(person?.consents.map((c) => [c.organisationId, c]) ?? []);
  const name = person ? `${person.givenName} ${person.familyName}` : '';
  const noConsent = failed?.errors.toOrganisationId;
  return (
    <div className="form-page">
      <PageHeader
        title={t('referrals.new.title')}
        hasError={Boolean(failed)}
        lead={person ? t('referrals.new.person', { name }) : undefined}
        breadcrumbs={
          <Breadcrumbs
            items={[
              { to: `/app/${locality.slug}`, label: locality.name },
              { to: `/app/${locality.slug}/referrals`, label: t('referrals.title') },
              { label: t('referrals.new.title') },
            ]}
          />
        }
      />
      {!person ? (
        <p>
          {t('referrals.new.noPerson')}{' '}
          <Link to={participantsUrl}>{t('referrals.new.participantsLink')}</Link>
        </p>
      ) : (
        <>
          <ErrorSummary errors={failed?.errors} />
          {noConsent ? (
            <p>
              <Link to={`${participantsUrl}/${person.id}#consents`}>{t('referrals.new.consents.link')}</Link>
            </p>
          ) : null}
          <p className="notice">{t('referrals.new.lead')}</p>
          <section aria-labelledby="rf-consents" className="section">
            <h2 id="rf-consents">{t('referrals.new.consents.title')}</h2>
            {person.consents.length === 0 ? (
              <p>{t('referrals.new.consents.none')}</p>
            ) : (
              <ul>
                {person.consents.map((c) => (
                  <li key={c.organisationId}>
                    {t('referrals.new.consents.item', {
                      organisation: c.organisationName,
                      date: date(c.givenOn),
                    })}
                  </li>
                ))}
              </ul>
            )}
            <p className="hint">
              {t('referrals.new.consents.manage')}{' '}
              <Link to={`${participantsUrl}/${person.id}#consents`}>{t('referrals.new.consents.link')}</Link>
            </p>
          </section>
          <PostForm className="stack">
            <input type="hidden" name="personId" value={person.id} />
            <SelectField
              name="fromOrganisationId"
              label={t('referrals.form.from.label')}
              hint={t('referrals.form.from.hint')}
              defaultValue={failed?.values.fromOrganisationId ?? defaultFrom}
              error={failed?.errors.fromOrganisationId}
              emptyLabel={t('referrals.form.from.none')}
              options={organisations.map((o) => ({ value: o.id, label: o.name }))}
            />
            <SelectField
              name="toOrganisationId"
              label={t('referrals.form.to.label')}
              hint={t('referrals.form.to.hint')}
              required
              defaultValue={failed?.values.toOrganisationId}
              error={failed?.errors.toOrganisationId}
              emptyLabel={t('referrals.form.to.choose')}
              options={organisations.map((o) => ({
                value: o.id,
                label: consented.has(o.id)
                  ? t('referrals.form.to.withConsent', { organisation: o.name })
                  : o.name,
              }))}
            />
            <TextArea
              name="reason"
              label={t('referrals.form.reason.label')}
              hint={t('referrals.form.reason.hint')}
              required
              rows={3}
              defaultValue={failed?.values.reason}
              error={failed?.errors.reason}
            />
            <TextArea
              name="sharedNote"
              label={t('referrals.form.sharedNote.label')}
              hint={t('referrals.form.sharedNote.hint')}
              rows={4}
              defaultValue={failed?.values.sharedNote}
              error={failed?.errors.sharedNote}
            />
            <Checkbox
              name="shareContact"
              label={t('referrals.form.shareContact.label')}
              hint={t('referrals.form.shareContact.hint')}
              defaultChecked={failed?.values.shareContact === 'on'}
            />
            <div>
              <button type="submit" className="button button--primary">
                {t('referrals.form.submit')}
              </button>
            </div>
          </PostForm>
        </>
      )}
    </div>
  );
}
