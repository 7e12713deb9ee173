import { Link } from 'react-router';
import { ErrorSummary } from '../../components/ui/form.tsx';
import { useI18n } from '../../components/ui/i18n-context.tsx';
import { PageHeader } from '../../components/ui/page.tsx';
import { cancelAppointment, loadAppointmentsForPerson } from '../../features/advice/appointments.server.ts';
import { FeedbackDue } from '../../features/education/feedback/components/feedback-due.tsx';
import { pendingFeedback } from '../../features/education/feedback/feedback.queries.server.ts';
import {
  MyAppointments,
  MyClub,
  MyConsents,
  MyReferrals,
} from '../../features/me/components/me-sections.tsx';
import {
  canUseSelfService,
  contactsFor,
  loadMyPage,
  requireSelfPerson,
  withdrawMyConsent,
} from '../../features/me/me.server.ts';
import { failure, handleForm } from '../../features/participants/participant-route.server.ts';
import { PlanForParticipant } from '../../features/plans/components/plan-section.tsx';
import { loadPlansForParticipant } from '../../features/plans/participant-plan.server.ts';
import { forbidden } from '../../lib/errors.ts';
import type { MessageKey } from '../../lib/i18n/catalog.ts';
import { todayInWarsaw } from '../../lib/i18n/i18n.ts';
import { redirectWithFlash, requireActor, run, services } from '../../lib/request.server.ts';
import type { Route } from './+types/me';

/**
 * "Moje sprawy": a participant's own data, consents, plan, appointments, club and referrals,
 * found from the signed-in account (never from an id in the URL). A fixed number of SQL
 * statements: the page itself (one, JSON sub-selects), the plans and the appointments.
 */
export async function loader(args: Route.LoaderArgs) {
  return run(async () => {
    const { actor, locality } = await requireActor(args, { locality: args.params.locality });
    if (!canUseSelfService(locality)) throw forbidden();
    const db = services(args.context).db;
    const page = await loadMyPage(db, { actor, locality });
    const base = { locality: { slug: locality.slug, name: locality.name } };
    if (!page) {
      const contacts = await contactsFor(db, { localityId: locality.localityId });
      return { ...base, linked: false as const, contacts, userName: actor.name };
    }
    const scope = { localityId: locality.localityId, personId: page.person.id };
    const [appointments, plans, feedbackDue] = await Promise.all([
      loadAppointmentsForPerson(db, scope),
      loadPlansForParticipant(db, scope),
      pendingFeedback(db, { localityId: locality.localityId, userId: actor.userId }),
    ]);
    return {
      ...base,
      linked: true as const,
      page,
      plans,
      appointments: appointments.upcoming,
      feedbackDue: feedbackDue.map((f) => ({ ...f })),
    };
  });
}

export async function action(args: Route.ActionArgs) {
  const { actor, locality } = await run(async () => {
    const r = await requireActor(args, { locality: args.params.locality });
    if (!canUseSelfService(r.locality)) throw forbidden();
    return r;
  });
  const db = services(args.context).db;
  const form = await args.request.formData();
  const intent = String(form.get('intent') ?? '');
  const done = (key: MessageKey, anchor: string) =>
    redirectWithFlash(args.context, `/app/${locality.slug}/me${anchor}`, { kind: 'success', key });
  return handleForm(form, async () => {
    switch (intent) {
      case 'cancelAppointment': {
        await cancelAppointment(db, {
          actor,
          locality,
          appointmentId: String(form.get('appointmentId') ?? ''),
          personId: await requireSelfPerson(db, { actor, locality }),
        });
        return done('me.appointments.cancelled', '#my-appointments');
      }
      case 'withdrawConsent': {
        await withdrawMyConsent(db, {
          actor,
          locality,
          consentId: String(form.get('consentId') ?? ''),
          today: todayInWarsaw(),
        });
        return done('me.consents.withdrawn', '#my-consents');
      }
      default:
        return failure(form, { _form: 'errors.400.body' }, 400);
    }
  });
}

export default function Me({ loaderData, actionData }: Route.ComponentProps) {
  const { t, dateTime } = useI18n();
  const failed = actionData && !actionData.ok ? actionData : null;
  const base = `/app/${loaderData.locality.slug}/me`;
  if (!loaderData.linked) {
    return (
      <div className="me">
        <PageHeader title={t('me.title')} />
        <p className="me-lead">{t('me.unlinked.greeting', { name: loaderData.userName })}</p>
        <p>{t('me.unlinked.body')}</p>
        <p>{t('me.unlinked.what')}</p>
        {loaderData.contacts.length ? (
          <>
            <h2>{t('me.unlinked.contactTitle')}</h2>
            <ul className="me-list">
              {loaderData.contacts.map((c) => (
                <li key={c.email}>
                  {c.name} — <a href={`mailto:${c.email}`}>{c.email}</a>
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p>{t('me.unlinked.contactUnknown', { locality: loaderData.locality.name })}</p>
        )}
      </div>
    );
  }
  const { page, appointments, plans, feedbackDue } = loaderData;
  const p = page.person;
  return (
    <div className="me">
      <PageHeader
        title={t('me.title')}
        hasError={Boolean(failed)}
        lead={t('me.greeting', { name: p.givenName })}
      />
      {failed ? <ErrorSummary errors={failed.errors} /> : null}
      <FeedbackDue localitySlug={loaderData.locality.slug} items={feedbackDue} />
      <nav aria-label={t('me.actions.label')}>
        <ul className="me-actions">
          <li>
            <Link to={`${base}/appointments/new`} className="button button--primary me-button">
              {t('me.actions.book')}
            </Link>
          </li>
          <li>
            <Link to={`${base}/data`} className="button button--secondary me-button">
              {t('me.actions.correct')}
            </Link>
          </li>
          <li>
            <a href="#my-download" className="button button--secondary me-button">
              {t('me.actions.download')}
            </a>
          </li>
        </ul>
      </nav>

      <MyAppointments appointments={appointments} bookUrl={`${base}/appointments/new`} />

      <PlanForParticipant plans={plans} />

      <MyClub memberships={page.memberships} upcoming={page.upcoming} attended={page.attended} />
      <MyReferrals referrals={page.referrals} />

      <section aria-labelledby="my-data" className="me-section">
        <h2 id="my-data">{t('me.data.title')}</h2>
        <dl className="summary-list">
          <div>
            <dt>{t('me.data.name')}</dt>
            <dd>
              {p.givenName} {p.familyName}
            </dd>
          </div>
          <div>
            <dt>{t('me.data.email')}</dt>
            <dd>{p.email || t('me.data.none')}</dd>
          </div>
          <div>
            <dt>{t('me.data.phone')}</dt>
            <dd>{p.phone || t('me.data.none')}</dd>
          </div>
        </dl>
        <p>
          <Link to={`${base}/data`} className="button button--secondary me-button">
            {t('me.actions.correct')}
          </Link>
        </p>
      </section>

      <MyConsents consents={page.consents} />

      <section aria-labelledby="my-download" id="my-download-section" className="me-section">
        <h2 id="my-download">{t('me.download.title')}</h2>
        <p>{t('me.download.body')}</p>
        <ul className="me-actions">
          <li>
            <a href={`${base}/data.pdf`} className="button button--secondary me-button" download>
              {t('me.download.pdf')}
            </a>
          </li>
          <li>
            <a href={`${base}/data.json`} className="button button--secondary me-button" download>
              {t('me.download.json')}
            </a>
          </li>
        </ul>
        <h3>{t('me.erasure.shortTitle')}</h3>
        {page.erasure?.status === 'pending' ? (
          <p className="me-when">{t('me.erasure.pending', { date: dateTime(page.erasure.requestedAt) })}</p>
        ) : (
          <>
            {page.erasure?.status === 'refused' ? (
              <p>
                {t('me.erasure.refused')}
                {page.erasure.decisionNote ? ` ${page.erasure.decisionNote}` : ''}
              </p>
            ) : null}
            <p>{t('me.erasure.short')}</p>
            <p>
              <Link to={`${base}/erasure`} className="button button--danger me-button">
                {t('me.erasure.open')}
              </Link>
            </p>
          </>
        )}
      </section>
    </div>
  );
}
