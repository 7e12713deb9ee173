import { data, Form, Link, useLocation } from 'react-router';
import {
  CsrfInput,
  DateField,
  ErrorSummary,
  PostForm,
  SelectField,
  TextArea,
  TextField,
} from '../../components/ui/form.tsx';
import { useI18n } from '../../components/ui/i18n-context.tsx';
import { Breadcrumbs, PageHeader } from '../../components/ui/page.tsx';
import { MeetingsSummarySection } from '../../features/meetings/components/meetings-summary.tsx';
import { nextMeeting } from '../../features/meetings/meetings.queries.server.ts';
import { addCommitment, deliverCommitment } from '../../features/partnerships/commitments.server.ts';
import {
  addMember,
  designateLeader,
  removeMember,
  savePartnership,
  setPublicProgress,
} from '../../features/partnerships/manage-partnership.server.ts';
import {
  canEditCommitment,
  canManagePartnership,
  canViewPartnership,
} from '../../features/partnerships/partnership.policy.ts';
import {
  COMMITMENT_KINDS,
  type CommitmentKind,
  MEMBER_ROLES,
  type MemberRole,
  UNITS,
} from '../../features/partnerships/partnership.rules.ts';
import {
  commitmentSchema,
  deliverSchema,
  leaderSchema,
  memberSchema,
  partnershipSchema,
} from '../../features/partnerships/partnership.schema.ts';
import {
  getPartnership,
  listCandidateOrganisations,
  listCommitments,
  listMembers,
} from '../../features/partnerships/partnerships.queries.server.ts';
import { ProgrammeSummarySection } from '../../features/programme/components/programme-summary.tsx';
import { programmeSummary } from '../../features/programme/programme.queries.server.ts';
import { dateInputValue } from '../../lib/dates.ts';
import { AppError } from '../../lib/errors.ts';
import { type FieldErrors, formValues, parseForm } from '../../lib/forms.ts';
import { todayInWarsaw } from '../../lib/i18n/i18n.ts';
import { redirectWithFlash, requireActor, run, services, throwAppError } from '../../lib/request.server.ts';
import type { Route } from './+types/partnership';

export async function loader(args: Route.LoaderArgs) {
  return run(async () => {
    const { actor, locality } = await requireActor(args, { locality: args.params.locality });
    if (!canViewPartnership(actor, locality)) throw new AppError('FORBIDDEN', 'errors.403.body');
    const { db } = services(args.context);
    const p = await getPartnership(db, { localityId: locality.localityId, id: args.params.partnershipId });
    if (!p) throw new AppError('NOT_FOUND', 'errors.404.body');
    const canManage = canManagePartnership(actor, locality);
    const orgQuery = new URL(args.request.url).searchParams.get('org')?.slice(0, 100) ?? '';
    const [members, commitments, candidates, programme, upcoming] = await Promise.all([
      listMembers(db, { localityId: locality.localityId, partnershipId: p.id }),
      listCommitments(db, { localityId: locality.localityId, partnershipId: p.id }),
      canManage
        ? listCandidateOrganisations(db, {
            localityId: locality.localityId,
            partnershipId: p.id,
            query: orgQuery,
          })
        : Promise.resolve({ rows: [], more: false }),
      programmeSummary(db, { localityId: locality.localityId, partnershipId: p.id, today: todayInWarsaw() }),
      nextMeeting(db, { localityId: locality.localityId, partnershipId: p.id, now: new Date() }),
    ]);
    return {
      locality: { slug: locality.slug, name: locality.name },
      partnership: { ...p, formedOnInput: dateInputValue(p.formedOn) },
      members: members.map((m) => ({
        id: m.id,
        role: m.role as MemberRole,
        organisationId: m.organisationId,
        name: m.name,
        joinedOn: m.joinedOn,
      })),
      commitments: commitments.map((c) => ({
        ...c,
        kind: c.kind as CommitmentKind,
        canEdit: canEditCommitment(actor, locality, c),
      })),
      candidates: candidates.rows,
      moreCandidates: candidates.more,
      orgQuery,
      canManage,
      /** Members whose commitments this person may record (all for the coordinator; their own for a partner). */
      ownMembers: members
        .filter((m) => canEditCommitment(actor, locality, m))
        .map((m) => ({ id: m.id, name: m.name })),
      today: dateInputValue(todayInWarsaw()),
      nextMeeting: upcoming,
      programme,
    };
  });
}

type Failure = { ok: false; intent: string; errors: FieldErrors; values: Record<string, string> };

export async function action(args: Route.ActionArgs) {
  const { actor, locality } = await run(() => requireActor(args, { locality: args.params.locality }));
  const { db } = services(args.context);
  const form = await args.request.formData();
  const intent = String(form.get('intent') ?? '');
  const partnershipId = args.params.partnershipId;
  const ctx = { actor, locality };
  const back = `/app/${locality.slug}/partnerships/${partnershipId}`;
  const fail = (errors: FieldErrors, status: number) =>
    data<Failure>({ ok: false, intent, errors, values: formValues(form) }, { status });
  const done = (
    key:
      | 'partnerships.saved'
      | 'partnerships.members.added'
      | 'partnerships.members.removed'
      | 'partnerships.leader.designated'
      | 'partnerships.commitments.added'
      | 'partnerships.commitments.delivered'
      | 'partnerships.public.changed',
    anchor = '',
  ) => redirectWithFlash(args.context, `${back}${anchor}`, { kind: 'success', key });
  try {
    switch (intent) {
      case 'update': {
        const p = parseForm(form, partnershipSchema);
        if (!p.ok) return fail(p.errors, 400);
        await savePartnership(db, { ...ctx, id: partnershipId, input: p.data });
        return done('partnerships.saved');
      }
      case 'addMember': {
        const p = parseForm(form, memberSchema);
        if (!p.ok) return fail(p.errors, 400);
        await addMember(db, { ...ctx, partnershipId, ...p.data });
        return done('partnerships.members.added', '#members');
      }
      case 'removeMember': {
        await removeMember(db, { ...ctx, partnershipId, memberId: String(form.get('memberId') ?? '') });
        return done('partnerships.members.removed', '#members');
      }
      case 'designateLeader': {
        const p = parseForm(form, leaderSchema);
        if (!p.ok) return fail(p.errors, 400);
        await designateLeader(db, {
          ...ctx,
          partnershipId,
          organisationId: p.data.leaderOrganisationId,
          decision: p.data.decision,
          decidedOn: p.data.decidedOn,
          today: todayInWarsaw(),
        });
        return done('partnerships.leader.designated', '#leader');
      }
      case 'addCommitment': {
        const p = parseForm(form, commitmentSchema);
        if (!p.ok) return fail(p.errors, 400);
        await addCommitment(db, { ...ctx, partnershipId, input: p.data });
        return done('partnerships.commitments.added', '#commitments');
      }
      case 'deliverCommitment': {
        const p = parseForm(form, deliverSchema);
        if (!p.ok) return fail(p.errors, 400);
        await deliverCommitment(db, { ...ctx, partnershipId, ...p.data, today: todayInWarsaw() });
        return done('partnerships.commitments.delivered', '#commitments');
      }
      case 'publish':
      case 'unpublish':
        await setPublicProgress(db, { ...ctx, partnershipId, value: intent === 'publish' });
        return done('partnerships.public.changed');
      default:
        throw new AppError('BAD_REQUEST', 'errors.400.body');
    }
  } catch (error) {
    if (error instanceof AppError && ['DOMAIN_RULE', 'BAD_REQUEST', 'CONFLICT'].includes(error.code)) {
      return fail(
        Object.keys(error.fieldErrors).length ? error.fieldErrors : { _form: error.messageKey },
        error.status,
      );
    }
    if (error instanceof AppError) throwAppError(error);
    throw error;
  }
}

export default function Partnership({ loaderData, actionData }: Route.ComponentProps) {
  const { t, date, dateLong, money, number } = useI18n();
  const {
    locality,
    partnership: p,
    members,
    commitments,
    candidates,
    moreCandidates,
    orgQuery,
    canManage,
    ownMembers,
    today,
  } = loaderData;
  // Each navigation (a saved form, a search) gives the folded forms fresh fields and closes them,
  // as a full page load does without JavaScript; a failed form reopens with what was typed.
  const { key: navigation } = useLocation();
  const deliverable = commitments.filter((c) => c.status !== 'delivered' && c.canEdit);
  const failed = actionData && !actionData.ok ? actionData : null;
  const f = (intent: string) => (failed?.intent === intent ? failed : null);
  const base = `/app/${locality.slug}/partnerships`;
  const unitOptions = [...new Set(Object.values(UNITS).flat())].filter((u) => u !== 'pln');
  return (
    <>
      <PageHeader
        title={p.name}
        hasError={Boolean(failed)}
        lead={p.aim || undefined}
        breadcrumbs={
          <Breadcrumbs
            items={[
              { to: `/app/${locality.slug}`, label: locality.name },
              { to: base, label: t('partnerships.list.title') },
              { label: p.name },
            ]}
          />
        }
        actions={
          <>
            <a href={`${base}/${p.id}/agreement/pdf`} className="button button--secondary" download>
              {t('partnerships.agreement.downloadPdf')}
            </a>
            <a href={`${base}/${p.id}/agreement/docx`} className="button button--secondary" download>
              {t('partnerships.agreement.downloadDocx')}
            </a>
          </>
        }
      />
      <ErrorSummary errors={failed?.errors._form ? { _form: failed.errors._form } : undefined} />

      <section aria-labelledby="leader" className="section">
        <h2 id="leader">{t('partnerships.leader.title')}</h2>
        {p.leaderName ? (
          <p>
            <strong>{p.leaderName}</strong> — {p.leaderDecision}
            {p.leaderDecidedOn ? `, ${dateLong(p.leaderDecidedOn)}` : ''}
          </p>
        ) : (
          <p>{t('partnerships.leader.none')}</p>
        )}
        {canManage && members.length > 0 ? (
          <details
            key={`leader-${navigation}`}
            className="panel-details"
            open={Boolean(f('designateLeader'))}
          >
            <summary>
              {p.leaderName ? t('partnerships.leader.change') : t('partnerships.leader.designate')}
            </summary>
            <ErrorSummary errors={f('designateLeader')?.errors} />
            <PostForm className="stack">
              <input type="hidden" name="intent" value="designateLeader" />
              <SelectField
                name="leaderOrganisationId"
                label={t('partnerships.leader.organisation.label')}
                emptyLabel={t('partnerships.leader.organisation.choose')}
                defaultValue={f('designateLeader')?.values.leaderOrganisationId}
                options={members.map((m) => ({ value: m.organisationId, label: m.name }))}
                error={f('designateLeader')?.errors.leaderOrganisationId}
              />
              <TextField
                name="decision"
                label={t('partnerships.leader.decision.label')}
                hint={t('partnerships.leader.decision.hint')}
                defaultValue={f('designateLeader')?.values.decision}
                error={f('designateLeader')?.errors.decision}
              />
              <DateField
                name="decidedOn"
                label={t('partnerships.leader.date.label')}
                defaultValue={f('designateLeader')?.values.decidedOn ?? today}
                error={f('designateLeader')?.errors.decidedOn}
              />
              <div className="actions">
                <button type="submit" className="button button--primary">
                  {t('partnerships.leader.submit')}
                </button>
              </div>
            </PostForm>
          </details>
        ) : null}
      </section>

      <section aria-labelledby="members" className="section">
        <h2 id="members">{t('partnerships.members.title', { count: members.length })}</h2>
        {members.length === 0 ? (
          <p>{t('partnerships.members.none')}</p>
        ) : (
          <div className="table-wrap">
            <table className="table table--stack table--stack-plain">
              <caption className="visually-hidden">{t('partnerships.members.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('partnerships.members.organisation.label')}</th>
                  <th scope="col">{t('partnerships.members.role.label')}</th>
                  <th scope="col">{t('partnerships.members.joined')}</th>
                  {canManage ? (
                    <th scope="col">
                      <span className="visually-hidden">{t('admin.users.col.actions')}</span>
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {members.map((m) => (
                  <tr key={m.id}>
                    <th scope="row">
                      <Link to={`/app/${locality.slug}/organisations/${m.organisationId}`}>{m.name}</Link>
                    </th>
                    <td data-label={t('partnerships.members.role.label')}>
                      {t(`partnerships.role.${m.role}`)}
                    </td>
                    <td data-label={t('partnerships.members.joined')}>{date(m.joinedOn) || '—'}</td>
                    {canManage ? (
                      <td>
                        {m.role !== 'leader' ? (
                          <form method="post">
                            <CsrfInput />
                            <input type="hidden" name="intent" value="removeMember" />
                            <input type="hidden" name="memberId" value={m.id} />
                            <button type="submit" className="button button--danger button--small">
                              {t('partnerships.members.remove')}
                              <span className="visually-hidden">: {m.name}</span>
                            </button>
                          </form>
                        ) : null}
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {canManage ? (
          <details
            key={`member-${navigation}`}
            className="panel-details"
            open={Boolean(f('addMember')) || Boolean(orgQuery) || members.length === 0}
          >
            <summary>{t('partnerships.members.add')}</summary>
            <Form method="get" className="search-form" role="search">
              <label htmlFor="org-q">{t('partnerships.members.search')}</label>
              <div className="search-form__row">
                <input
                  id="org-q"
                  name="org"
                  type="search"
                  defaultValue={orgQuery}
                  className="input input--medium"
                />
                <button type="submit" className="button button--secondary">
                  {t('common.search')}
                </button>
              </div>
            </Form>
            {candidates.length === 0 ? (
              <p className="notice">
                {orgQuery ? t('partnerships.members.noMatch') : t('partnerships.members.noCandidates')}{' '}
                <Link to={`/app/${locality.slug}/organisations/new`}>{t('organisations.list.add')}</Link>
              </p>
            ) : (
              <>
                {moreCandidates ? (
                  <p className="hint">{t('partnerships.members.narrow', { count: candidates.length })}</p>
                ) : null}
                <ErrorSummary errors={f('addMember')?.errors} />
                <PostForm className="stack">
                  <input type="hidden" name="intent" value="addMember" />
                  <SelectField
                    name="organisationId"
                    label={t('partnerships.members.organisation.label')}
                    hint={t('partnerships.members.organisation.hint')}
                    emptyLabel={t('partnerships.members.organisation.choose')}
                    defaultValue={f('addMember')?.values.organisationId}
                    options={candidates.map((c) => ({ value: c.id, label: c.name }))}
                    error={f('addMember')?.errors.organisationId}
                  />
                  <SelectField
                    name="role"
                    label={t('partnerships.members.role.label')}
                    defaultValue={f('addMember')?.values.role ?? 'partner'}
                    options={MEMBER_ROLES.filter((r) => r !== 'leader').map((r) => ({
                      value: r,
                      label: t(`partnerships.role.${r}`),
                    }))}
                    error={f('addMember')?.errors.role}
                  />
                  <DateField
                    name="joinedOn"
                    label={t('partnerships.members.joinedOn')}
                    defaultValue={f('addMember')?.values.joinedOn ?? today}
                    error={f('addMember')?.errors.joinedOn}
                  />
                  <div className="actions">
                    <button type="submit" className="button button--primary">
                      {t('partnerships.members.submit')}
                    </button>
                  </div>
                </PostForm>
              </>
            )}
          </details>
        ) : null}
      </section>

      <section aria-labelledby="commitments" className="section">
        <h2 id="commitments">{t('partnerships.commitments.title')}</h2>
        {commitments.length === 0 ? (
          <p>{t('partnerships.commitments.none')}</p>
        ) : (
          <div className="table-wrap">
            <table className="table table--stack table--stack-plain">
              <caption className="visually-hidden">{t('partnerships.commitments.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('partnerships.members.organisation.label')}</th>
                  <th scope="col">{t('partnerships.commitments.kind.label')}</th>
                  <th scope="col">{t('partnerships.commitments.description.label')}</th>
                  <th scope="col">{t('partnerships.commitments.period')}</th>
                  <th scope="col" className="num">
                    {t('partnerships.commitments.value')}
                  </th>
                  <th scope="col">{t('partnerships.commitments.status')}</th>
                </tr>
              </thead>
              <tbody>
                {commitments.map((c) => (
                  <tr key={c.id}>
                    <th scope="row">{c.organisationName}</th>
                    <td data-label={t('partnerships.commitments.kind.label')}>
                      {t(`partnerships.kind.${c.kind}`)}
                    </td>
                    <td data-label={t('partnerships.commitments.description.label')}>
                      {c.description}
                      {c.quantity && c.kind !== 'money' ? (
                        <span className="muted">
                          {' '}
                          ({number(Number(c.quantity))} {t(`partnerships.unit.${c.unit as 'hour'}`)})
                        </span>
                      ) : null}
                    </td>
                    <td data-label={t('partnerships.commitments.period')}>
                      {[date(c.periodFrom), date(c.periodTo)].filter(Boolean).join(' – ') || '—'}
                    </td>
                    <td className="num" data-label={t('partnerships.commitments.value')}>
                      {c.valuePln ? money(Number(c.valuePln)) : '—'}
                    </td>
                    <td data-label={t('partnerships.commitments.status')}>
                      {c.status === 'delivered'
                        ? t('partnerships.commitments.deliveredOn', { date: date(c.deliveredOn) })
                        : t('partnerships.commitments.promised')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {deliverable.length > 0 ? (
          <details
            key={`deliver-${navigation}`}
            className="panel-details"
            open={Boolean(f('deliverCommitment'))}
          >
            <summary>{t('partnerships.commitments.deliverTitle')}</summary>
            <ErrorSummary errors={f('deliverCommitment')?.errors} />
            <PostForm className="stack">
              <input type="hidden" name="intent" value="deliverCommitment" />
              <SelectField
                name="commitmentId"
                label={t('partnerships.commitments.which')}
                emptyLabel={t('partnerships.commitments.whichChoose')}
                defaultValue={f('deliverCommitment')?.values.commitmentId}
                options={deliverable.map((c) => ({
                  value: c.id,
                  label: `${c.organisationName}: ${c.description}`,
                }))}
                error={f('deliverCommitment')?.errors.commitmentId}
              />
              <DateField
                name="deliveredOn"
                label={t('partnerships.commitments.deliveredOnLabel')}
                defaultValue={f('deliverCommitment')?.values.deliveredOn ?? today}
                error={f('deliverCommitment')?.errors.deliveredOn}
              />
              <div className="actions">
                <button type="submit" className="button button--primary">
                  {t('partnerships.commitments.markDelivered')}
                </button>
              </div>
            </PostForm>
          </details>
        ) : null}
        {ownMembers.length > 0 ? (
          <details
            key={`commitment-${navigation}`}
            className="panel-details"
            open={Boolean(f('addCommitment'))}
          >
            <summary>{t('partnerships.commitments.add')}</summary>
            <ErrorSummary errors={f('addCommitment')?.errors} />
            <PostForm className="stack">
              <input type="hidden" name="intent" value="addCommitment" />
              <SelectField
                name="memberId"
                label={t('partnerships.commitments.member.label')}
                emptyLabel={ownMembers.length > 1 ? t('partnerships.commitments.member.choose') : undefined}
                defaultValue={f('addCommitment')?.values.memberId}
                options={ownMembers.map((m) => ({ value: m.id, label: m.name }))}
                error={f('addCommitment')?.errors.memberId}
              />
              <SelectField
                name="kind"
                label={t('partnerships.commitments.kind.label')}
                emptyLabel={t('partnerships.commitments.kind.choose')}
                defaultValue={f('addCommitment')?.values.kind}
                options={COMMITMENT_KINDS.map((k) => ({ value: k, label: t(`partnerships.kind.${k}`) }))}
                error={f('addCommitment')?.errors.kind}
              />
              <TextArea
                name="description"
                rows={2}
                label={t('partnerships.commitments.description.label')}
                hint={t('partnerships.commitments.description.hint')}
                defaultValue={f('addCommitment')?.values.description}
                error={f('addCommitment')?.errors.description}
              />
              <div className="field-row">
                <TextField
                  name="quantity"
                  width="short"
                  inputMode="numeric"
                  label={t('partnerships.commitments.quantity')}
                  defaultValue={f('addCommitment')?.values.quantity}
                  error={f('addCommitment')?.errors.quantity}
                />
                <SelectField
                  name="unit"
                  label={t('partnerships.commitments.unit.label')}
                  emptyLabel="—"
                  defaultValue={f('addCommitment')?.values.unit}
                  options={unitOptions.map((u) => ({
                    value: u,
                    label: t(`partnerships.unit.${u as 'hour'}`),
                  }))}
                  error={f('addCommitment')?.errors.unit}
                />
                <TextField
                  name="valuePln"
                  width="short"
                  inputMode="numeric"
                  label={t('partnerships.commitments.valueLabel')}
                  hint={t('partnerships.commitments.valueHint')}
                  defaultValue={f('addCommitment')?.values.valuePln}
                  error={f('addCommitment')?.errors.valuePln}
                />
              </div>
              <div className="field-row">
                <DateField
                  name="periodFrom"
                  label={t('partnerships.commitments.from')}
                  defaultValue={f('addCommitment')?.values.periodFrom}
                  error={f('addCommitment')?.errors.periodFrom}
                />
                <DateField
                  name="periodTo"
                  label={t('partnerships.commitments.to')}
                  defaultValue={f('addCommitment')?.values.periodTo}
                  error={f('addCommitment')?.errors.periodTo}
                />
              </div>
              <div className="actions">
                <button type="submit" className="button button--primary">
                  {t('partnerships.commitments.submit')}
                </button>
              </div>
            </PostForm>
          </details>
        ) : null}
      </section>

      <ProgrammeSummarySection summary={loaderData.programme} href={`${base}/${p.id}/programme`} />

      <MeetingsSummarySection next={loaderData.nextMeeting} href={`${base}/${p.id}/meetings`} />

      {canManage ? (
        <section aria-labelledby="settings" className="section">
          <h2 id="settings">{t('partnerships.settings.title')}</h2>
          <form method="post" className="inline-form">
            <CsrfInput />
            <input type="hidden" name="intent" value={p.publicProgress ? 'unpublish' : 'publish'} />
            <p>
              {p.publicProgress ? t('partnerships.public.on') : t('partnerships.public.off')}
              {p.publicProgress ? (
                <>
                  {' '}
                  <a href={`/p/${locality.slug}/partnerships/${p.id}/progress`}>
                    {t('programme.public.link')}
                  </a>
                </>
              ) : null}
            </p>
            <button type="submit" className="button button--secondary">
              {p.publicProgress ? t('partnerships.public.turnOff') : t('partnerships.public.turnOn')}
            </button>
          </form>
          <details key={`update-${navigation}`} className="panel-details" open={Boolean(f('update'))}>
            <summary>{t('partnerships.edit.title')}</summary>
            <ErrorSummary errors={f('update')?.errors} />
            <PostForm className="stack">
              <input type="hidden" name="intent" value="update" />
              <TextField
                name="name"
                label={t('partnerships.form.name.label')}
                defaultValue={f('update')?.values.name ?? p.name}
                error={f('update')?.errors.name}
              />
              <TextArea
                name="aim"
                rows={3}
                label={t('partnerships.form.aim.label')}
                defaultValue={f('update')?.values.aim ?? p.aim}
                error={f('update')?.errors.aim}
              />
              <DateField
                name="formedOn"
                label={t('partnerships.form.formedOn.label')}
                defaultValue={f('update')?.values.formedOn ?? p.formedOnInput}
                error={f('update')?.errors.formedOn}
              />
              <div className="actions">
                <button type="submit" className="button button--primary">
                  {t('organisations.edit.submit')}
                </button>
              </div>
            </PostForm>
          </details>
        </section>
      ) : null}
    </>
  );
}
