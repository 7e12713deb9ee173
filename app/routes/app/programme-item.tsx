import { data, Link } from 'react-router';
import { CsrfInput, ErrorSummary, PostForm, SelectField, TextField } from '../../components/ui/form.tsx';
import { useI18n } from '../../components/ui/i18n-context.tsx';
import { Breadcrumbs, PageHeader } from '../../components/ui/page.tsx';
import {
  IndicatorText,
  OverdueFlag,
  ProgrammeStatusBadge,
  ProgressMeter,
} from '../../features/programme/components/progress.tsx';
import {
  canManageProgramme,
  canUpdateProgress,
  canViewProgramme,
} from '../../features/programme/programme.policy.ts';
import { findPartnership, loadProgramme } from '../../features/programme/programme.queries.server.ts';
import {
  outlineNumbers,
  type ProgrammeStatus,
  TRANSITIONS,
} from '../../features/programme/programme.rules.ts';
import { progressUpdateSchema } from '../../features/programme/programme.schema.ts';
import {
  cancelProgrammeItem,
  restoreProgrammeItem,
  updateProgrammeProgress,
} from '../../features/programme/programme-progress.server.ts';
import { AppError } from '../../lib/errors.ts';
import { type FieldErrors, formValues, parseForm } from '../../lib/forms.ts';
import { todayInWarsaw } from '../../lib/i18n/i18n.ts';
import { redirectWithFlash, requireActor, run, services, throwAppError } from '../../lib/request.server.ts';
import type { Route } from './+types/programme-item';

export async function loader(args: Route.LoaderArgs) {
  return run(async () => {
    const { actor, locality } = await requireActor(args, { locality: args.params.locality });
    const { db } = services(args.context);
    const partnership = await findPartnership(db, {
      localityId: locality.localityId,
      partnershipId: args.params.partnershipId,
    });
    if (!partnership) throw new AppError('NOT_FOUND', 'errors.404.body');
    const rows = await loadProgramme(db, {
      localityId: locality.localityId,
      partnershipId: partnership.id,
      today: todayInWarsaw(),
    });
    const item = rows.find((r) => r.id === args.params.itemId);
    if (!item) throw new AppError('NOT_FOUND', 'errors.404.body');
    // The person responsible for an item may open it (the reminder links here) even without other rights.
    if (!canViewProgramme(actor, locality) && item.responsibleUserId !== actor.userId)
      throw new AppError('FORBIDDEN', 'errors.403.body');
    const numbers = outlineNumbers(rows);
    const byId = new Map(rows.map((r) => [r.id, r]));
    const ancestors: { id: string; title: string }[] = [];
    for (let p = byId.get(item.parentId ?? ''); p; p = byId.get(p.parentId ?? '')) {
      ancestors.unshift({ id: p.id, title: p.title });
    }
    const below = new Set<string>([item.id]);
    for (const r of rows) if (r.parentId && below.has(r.parentId)) below.add(r.id);
    const openBelow = rows.filter(
      (r) => r.id !== item.id && below.has(r.id) && r.status !== 'done' && r.status !== 'cancelled',
    ).length;
    const canManage = canManageProgramme(actor, locality);
    const statuses: ProgrammeStatus[] =
      item.status === 'cancelled'
        ? []
        : [item.status, ...TRANSITIONS[item.status]].filter((s) => s !== 'cancelled');
    return {
      locality: { slug: locality.slug, name: locality.name },
      partnership: { id: partnership.id, name: partnership.name },
      item: {
        id: item.id,
        level: item.level,
        number: numbers.get(item.id) ?? '',
        title: item.title,
        description: item.description,
        organisation: item.responsibleOrganisationName,
        person: item.responsibleUserName,
        startsOn: item.startsOn,
        dueOn: item.dueOn,
        status: item.status,
        progress: item.progress,
        ownProgress: item.ownProgress,
        completedOn: item.completedOn,
        overdue: item.overdue,
        indicatorName: item.indicatorName,
        indicatorUnit: item.indicatorUnit,
        indicatorTarget: item.indicatorTarget,
        indicatorActual: item.indicatorActual,
        fromDecision: Boolean(item.decisionId),
        problems: item.problems,
        version: item.version,
      },
      ancestors,
      children: rows
        .filter((r) => r.parentId === item.id)
        .map((r) => ({
          id: r.id,
          level: r.level,
          number: numbers.get(r.id) ?? '',
          title: r.title,
          status: r.status,
          progress: r.progress,
          overdue: r.overdue,
        })),
      openBelow,
      canManage,
      canUpdate: canUpdateProgress(actor, locality, item),
      statuses,
      confirmCancel: canManage && new URL(args.request.url).searchParams.get('confirm') === 'cancel',
    };
  });
}

type Failure = { ok: false; intent: string; errors: FieldErrors; values: Record<string, string> };

export async function action(args: Route.ActionArgs) {
  const { actor, locality } = await run(() => requireActor(args, { locality: args.params.locality }));
  const { db } = services(args.context);
  const form = await args.request.formData();
  const intent = String(form.get('intent') ?? '');
  const { partnershipId, itemId } = args.params;
  const ctx = { actor, locality, partnershipId, itemId };
  const programme = `/app/${locality.slug}/partnerships/${partnershipId}/programme`;
  const fail = (errors: FieldErrors, status: number) =>
    data<Failure>({ ok: false, intent, errors, values: formValues(form) }, { status });
  try {
    switch (intent) {
      case 'progress': {
        const p = parseForm(form, progressUpdateSchema);
        if (!p.ok) return fail(p.errors, 400);
        await updateProgrammeProgress(db, { ...ctx, input: p.data });
        return redirectWithFlash(args.context, `${programme}/${itemId}`, {
          kind: 'success',
          key: 'programme.progress.saved',
        });
      }
      case 'cancel':
        await cancelProgrammeItem(db, ctx);
        return redirectWithFlash(args.context, `${programme}#item-${itemId}`, {
          kind: 'success',
          key: 'programme.cancelled',
        });
      case 'restore':
        await restoreProgrammeItem(db, ctx);
        return redirectWithFlash(args.context, `${programme}/${itemId}`, {
          kind: 'success',
          key: 'programme.restored',
        });
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

export default function ProgrammeItem({ loaderData, actionData }: Route.ComponentProps) {
  const { t, date } = useI18n();
  const { locality, partnership, item, ancestors, children, openBelow, canManage, canUpdate, statuses } =
    loaderData;
  const failed = actionData && !actionData.ok ? actionData : null;
  const base = `/app/${locality.slug}/partnerships/${partnership.id}/programme`;
  const heading = `${t(`programme.level.numbered.${item.level}`, { number: item.number })}: ${item.title}`;
  const v = (k: string, fallback: string) =>
    (failed?.intent === 'progress' ? failed.values[k] : undefined) ?? fallback;
  return (
    <>
      <PageHeader
        title={heading}
        hasError={Boolean(failed)}
        lead={item.description || undefined}
        breadcrumbs={
          <Breadcrumbs
            items={[
              { to: `/app/${locality.slug}`, label: locality.name },
              { to: `/app/${locality.slug}/partnerships/${partnership.id}`, label: partnership.name },
              { to: base, label: t('programme.title') },
              ...ancestors.map((a) => ({ to: `${base}/${a.id}`, label: a.title })),
              { label: item.title },
            ]}
          />
        }
        actions={
          canManage ? (
            <Link to={`${base}/${item.id}/edit`} className="button button--secondary">
              {t('programme.edit.link')}
            </Link>
          ) : null
        }
      />
      {/* The progress form's own summary sits with it; when that form is gone (the item was
          cancelled meanwhile), its refusal shows here. */}
      <ErrorSummary
        errors={
          failed && (failed.intent !== 'progress' || !(canUpdate && statuses.length > 0))
            ? failed.errors
            : undefined
        }
      />
      <dl className="summary-list">
        <div>
          <dt>{t('programme.col.status')}</dt>
          <dd>
            <ProgrammeStatusBadge status={item.status} /> {item.overdue ? <OverdueFlag /> : null}
            {item.completedOn ? (
              <span className="muted"> {t('programme.completedOn', { date: date(item.completedOn) })}</span>
            ) : null}
          </dd>
        </div>
        <div>
          <dt>{t('programme.col.progress')}</dt>
          <dd>
            <ProgressMeter
              value={item.progress}
              derived={item.progress !== item.ownProgress && children.length > 0}
            />
          </dd>
        </div>
        <div>
          <dt>{t('programme.col.organisation')}</dt>
          <dd>{item.organisation ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('programme.col.person')}</dt>
          <dd>{item.person ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('programme.form.startsOn')}</dt>
          <dd>{date(item.startsOn) || '—'}</dd>
        </div>
        <div>
          <dt>{t('programme.form.dueOn')}</dt>
          <dd>{date(item.dueOn) || '—'}</dd>
        </div>
        <div>
          <dt>{t('programme.col.indicator')}</dt>
          <dd>
            <IndicatorText
              name={item.indicatorName}
              unit={item.indicatorUnit}
              target={item.indicatorTarget}
              actual={item.indicatorActual}
            />
          </dd>
        </div>
        <div>
          <dt>{t('programme.col.problems')}</dt>
          <dd>
            {item.problems.length === 0 ? (
              '—'
            ) : (
              <ul className="plain-list">
                {item.problems.map((p) => (
                  <li key={p.id}>{p.title}</li>
                ))}
              </ul>
            )}
          </dd>
        </div>
        {item.fromDecision ? (
          <div>
            <dt>{t('programme.decision.label')}</dt>
            <dd>{t('programme.decision.yes')}</dd>
          </div>
        ) : null}
      </dl>

      {children.length > 0 ? (
        <section aria-labelledby="children" className="section">
          <h2 id="children">
            {t(item.level === 'goal' ? 'programme.children.actions' : 'programme.children.tasks')}
          </h2>
          <ul className="plain-list">
            {children.map((c) => (
              <li key={c.id}>
                <Link to={`${base}/${c.id}`}>
                  {t(`programme.level.numbered.${c.level}`, { number: c.number })}: {c.title}
                </Link>{' '}
                — {t(`programme.status.${c.status}`)}, {t('programme.progress.value', { value: c.progress })}
                {c.overdue ? (
                  <>
                    {' '}
                    <OverdueFlag />
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {canUpdate && statuses.length > 0 ? (
        <section aria-labelledby="update" className="section">
          <h2 id="update">{t('programme.progress.title')}</h2>
          <ErrorSummary errors={failed?.intent === 'progress' ? failed.errors : undefined} />
          <PostForm className="stack">
            <input type="hidden" name="intent" value="progress" />
            <input type="hidden" name="version" value={item.version} />
            <SelectField
              name="status"
              label={t('programme.form.status')}
              defaultValue={v('status', item.status)}
              options={statuses.map((s) => ({ value: s, label: t(`programme.status.${s}`) }))}
              error={failed?.intent === 'progress' ? failed.errors.status : undefined}
            />
            <TextField
              name="progress"
              width="short"
              inputMode="numeric"
              label={t('programme.form.progress')}
              hint={t('programme.form.progress.hint')}
              defaultValue={v('progress', String(item.ownProgress))}
              error={failed?.intent === 'progress' ? failed.errors.progress : undefined}
            />
            <TextField
              name="indicatorActual"
              width="short"
              inputMode="numeric"
              label={
                item.indicatorName
                  ? t('programme.progress.actualOf', { name: item.indicatorName })
                  : t('programme.form.indicatorActual')
              }
              defaultValue={v(
                'indicatorActual',
                item.indicatorActual === null ? '' : String(Number(item.indicatorActual)),
              )}
              error={failed?.intent === 'progress' ? failed.errors.indicatorActual : undefined}
            />
            <div className="actions">
              <button type="submit" className="button button--primary">
                {t('programme.progress.submit')}
              </button>
            </div>
          </PostForm>
        </section>
      ) : null}

      {canManage ? (
        <section aria-labelledby="manage" className="section">
          <h2 id="manage">{t('programme.manage.title')}</h2>
          {item.status === 'cancelled' ? (
            <form method="post" className="inline-form">
              <CsrfInput />
              <input type="hidden" name="intent" value="restore" />
              <p>{t('programme.restore.lead')}</p>
              <button type="submit" className="button button--secondary">
                {t('programme.restore.submit')}
              </button>
            </form>
          ) : loaderData.confirmCancel ? (
            <div className="warning-box" role="alert">
              <h3>{t('programme.cancel.confirmTitle', { title: item.title })}</h3>
              <p>
                {openBelow > 0
                  ? t('programme.cancel.confirmBelow', { count: openBelow })
                  : t('programme.cancel.confirmLead')}
              </p>
              <form method="post" className="inline-form">
                <CsrfInput />
                <input type="hidden" name="intent" value="cancel" />
                <button type="submit" className="button button--danger">
                  {t('programme.cancel.confirm')}
                </button>
                <Link to={`${base}/${item.id}`}>{t('programme.cancel.keep')}</Link>
              </form>
            </div>
          ) : (
            <p>
              <Link to={`${base}/${item.id}?confirm=cancel`} className="button button--danger">
                {t(`programme.cancel.${item.level}`)}
              </Link>
            </p>
          )}
        </section>
      ) : null}
    </>
  );
}
