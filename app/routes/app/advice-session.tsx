import { Link } from 'react-router';
import { useI18n } from '../../components/ui/i18n-context.tsx';
import { Breadcrumbs, PageHeader } from '../../components/ui/page.tsx';
import { canReadConfidentialAdvice, canRecordAdvice } from '../../features/advice/advice.policy.ts';
import {
  handleForm,
  requireAdviceReader,
  requireAdvisor,
} from '../../features/advice/advice-route.server.ts';
import { SessionForm } from '../../features/advice/components/session-form.tsx';
import { getSession } from '../../features/advice/sessions.queries.server.ts';
import { updateSession } from '../../features/advice/sessions.server.ts';
import { auditParticipantRead } from '../../features/participants/participants.server.ts';
import { dateInputValue } from '../../lib/dates.ts';
import { AppError } from '../../lib/errors.ts';
import { formValues } from '../../lib/forms.ts';
import { todayInWarsaw } from '../../lib/i18n/i18n.ts';
import { redirectWithFlash, run, services } from '../../lib/request.server.ts';
import type { Route } from './+types/advice-session';

export async function loader(args: Route.LoaderArgs) {
  return run(async () => {
    const { actor, locality } = await requireAdviceReader(args);
    const db = services(args.context).db;
    const canReadConfidential = canReadConfidentialAdvice(actor, locality);
    const session = await getSession(db, {
      localityId: locality.localityId,
      id: args.params.sessionId,
      canReadConfidential,
    });
    if (!session) throw new AppError('NOT_FOUND', 'errors.404.body');
    if (session.personId)
      await auditParticipantRead(db, { actor, locality, id: session.personId, purpose: 'advice_session' });
    return {
      locality: { slug: locality.slug, name: locality.name },
      session,
      canEdit: canRecordAdvice(actor, locality),
    };
  });
}

export async function action(args: Route.ActionArgs) {
  const { actor, locality } = await run(() => requireAdvisor(args));
  const form = await args.request.formData();
  return handleForm(form, async () => {
    await updateSession(services(args.context).db, {
      actor,
      locality,
      id: args.params.sessionId,
      values: formValues(form),
      today: todayInWarsaw(),
    });
    return redirectWithFlash(args.context, `/app/${locality.slug}/advice/${args.params.sessionId}`, {
      kind: 'success',
      key: 'advice.session.saved',
    });
  });
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export default function AdviceSession({ loaderData, actionData }: Route.ComponentProps) {
  const { t, date, number } = useI18n();
  const { locality, session: s, canEdit } = loaderData;
  const failed = actionData && !actionData.ok ? actionData : null;
  const base = `/app/${locality.slug}/advice`;
  const title = t('advice.session.title', { date: date(s.givenOn) });
  const forName = s.personName ?? s.organisationName ?? s.initiative;
  return (
    <>
      <PageHeader
        title={title}
        hasError={Boolean(failed)}
        breadcrumbs={
          <Breadcrumbs
            items={[
              { to: `/app/${locality.slug}`, label: locality.name },
              { to: base, label: t('advice.list.title') },
              { label: title },
            ]}
          />
        }
      />
      <section aria-labelledby="as-data">
        <h2 id="as-data">{t('advice.session.details')}</h2>
        <dl className="summary-list">
          <Row label={t('advice.session.for')}>
            {s.personId ? (
              <Link to={`/app/${locality.slug}/participants/${s.personId}`}>{forName}</Link>
            ) : s.organisationId ? (
              <Link to={`/app/${locality.slug}/organisations/${s.organisationId}`}>{forName}</Link>
            ) : (
              `${forName} (${t('advice.list.initiative')})`
            )}
          </Row>
          <Row label={t('advice.session.kind.label')}>
            {t(`advice.kind.${s.kind}` as 'advice.kind.legal')}
          </Row>
          <Row label={t('advice.list.advisor')}>{s.advisorName ?? '—'}</Row>
          <Row label={t('advice.session.givenOn.label')}>{date(s.givenOn)}</Row>
          <Row label={t('advice.session.minutes.label')}>{number(s.minutes)}</Row>
          <Row label={t('advice.session.topic.label')}>{s.topic}</Row>
          <Row label={t('advice.session.notes.label')}>
            {s.notesHidden ? (
              <em>{t('advice.session.notesHidden')}</em>
            ) : (
              <span className="pre-line">{s.notes || '—'}</span>
            )}
            {s.confidential && !s.notesHidden ? (
              <>
                {' '}
                <span className="tag">{t('advice.session.confidentialTag')}</span>
              </>
            ) : null}
          </Row>
        </dl>
      </section>
      {canEdit ? (
        <section aria-labelledby="as-edit" className="section form-page">
          <h2 id="as-edit">{t('advice.session.edit')}</h2>
          <SessionForm
            target={
              s.personId
                ? { type: 'person', id: s.personId, name: s.personName ?? '' }
                : s.organisationId
                  ? { type: 'organisation', id: s.organisationId, name: s.organisationName ?? '' }
                  : { type: 'initiative', name: s.initiative }
            }
            values={
              failed?.values ?? {
                kind: s.kind,
                givenOn: dateInputValue(s.givenOn),
                minutes: String(s.minutes),
                topic: s.topic,
                notes: s.notes,
                confidential: s.confidential ? 'on' : '',
                initiative: s.initiative,
              }
            }
            errors={failed?.errors ?? {}}
            submitLabel={t('advice.session.save')}
            cancelTo={base}
          />
        </section>
      ) : null}
    </>
  );
}
