import { data, Form, Link } from 'react-router';
import {
  CsrfInput,
  ErrorSummary,
  errorText,
  fieldId,
  PostForm,
  TextArea,
  TextField,
} from '../../components/ui/form.tsx';
import { useI18n } from '../../components/ui/i18n-context.tsx';
import { Breadcrumbs, PageHeader } from '../../components/ui/page.tsx';
import { Pagination } from '../../components/ui/pagination.tsx';
import { PROBLEM_STATUSES, type ProblemStatus, TRANSITIONS } from '../../features/problems/problem.rules.ts';
import { problemSchema } from '../../features/problems/problem.schema.ts';
import {
  canModerateProblems,
  canRaiseProblems,
  changeProblemStatus,
  listProblems,
  raiseProblem,
} from '../../features/problems/problems.server.ts';
import { AppError } from '../../lib/errors.ts';
import { type FieldError, type FieldErrors, formValues, parseForm } from '../../lib/forms.ts';
import { parsePage } from '../../lib/pagination.ts';
import { redirectWithFlash, requireActor, run, services, throwAppError } from '../../lib/request.server.ts';
import type { Route } from './+types/problems';

function isStatus(v: unknown): v is ProblemStatus {
  return typeof v === 'string' && (PROBLEM_STATUSES as readonly string[]).includes(v);
}

export async function loader(args: Route.LoaderArgs) {
  return run(async () => {
    const { actor, locality } = await requireActor(args, { locality: args.params.locality });
    if (!canRaiseProblems(actor, locality)) throw new AppError('FORBIDDEN', 'errors.403.body');
    const url = new URL(args.request.url);
    const statusParam = url.searchParams.get('status');
    const status = isStatus(statusParam) ? statusParam : null;
    const page = parsePage(url);
    const moderate = canModerateProblems(actor, locality);
    const result = await listProblems(services(args.context).db, {
      localityId: locality.localityId,
      status,
      offset: page.offset,
      limit: page.pageSize,
    });
    return {
      locality: { slug: locality.slug, name: locality.name },
      status: status ?? '',
      pending: result.pending,
      moderate,
      rows: result.rows.map((r) => ({
        ...r,
        status: r.status as ProblemStatus,
        createdAt: r.createdAt.toISOString(),
        // Residents' contact details are for staff who moderate only.
        contactName: moderate ? r.contactName : '',
        contactEmail: moderate ? r.contactEmail : '',
      })),
      page: { page: page.page, pageSize: page.pageSize, total: result.total },
    };
  });
}

type Failure = {
  ok: false;
  intent: string;
  id?: string;
  errors: FieldErrors;
  values: Record<string, string>;
};

export async function action(args: Route.ActionArgs) {
  const { actor, locality } = await run(() => requireActor(args, { locality: args.params.locality }));
  const form = await args.request.formData();
  const intent = String(form.get('intent') ?? '');
  const { db } = services(args.context);
  const back = `/app/${locality.slug}/problems`;
  try {
    if (intent === 'create') {
      const parsed = parseForm(form, problemSchema);
      if (!parsed.ok) return data<Failure>({ ...parsed, intent }, { status: 400 });
      await raiseProblem(db, { actor, locality, input: parsed.data });
      return redirectWithFlash(args.context, back, { kind: 'success', key: 'problems.created' });
    }
    if (intent === 'status') {
      const to = form.get('to');
      if (!isStatus(to)) throw new AppError('BAD_REQUEST', 'errors.400.body');
      await changeProblemStatus(db, {
        actor,
        locality,
        id: String(form.get('id') ?? ''),
        to,
        note: String(form.get('note') ?? ''),
      });
      return redirectWithFlash(
        args.context,
        `${back}${form.get('returnStatus') ? `?status=${form.get('returnStatus')}` : ''}`,
        { kind: 'success', key: 'problems.statusChanged' },
      );
    }
    throw new AppError('BAD_REQUEST', 'errors.400.body');
  } catch (error) {
    if (error instanceof AppError && error.code === 'DOMAIN_RULE') {
      const errors: FieldErrors = Object.keys(error.fieldErrors).length
        ? error.fieldErrors
        : { _form: error.messageKey };
      return data<Failure>(
        { ok: false, intent, id: String(form.get('id') ?? ''), errors, values: formValues(form) },
        { status: 422 },
      );
    }
    if (error instanceof AppError) throwAppError(error);
    throw error;
  }
}

/**
 * The moderator's note on one card. Each card has its own id, so every label and hint belongs to
 * its own field; the card whose form failed uses the id the error summary links to.
 */
function ModerationNote({ id, error }: { id: string; error?: FieldError | undefined }) {
  const { t } = useI18n();
  return (
    <div className={error ? 'field field--error' : 'field'}>
      <label htmlFor={id}>{t('problems.moderation.note')}</label>
      <p className="hint" id={`${id}-hint`}>
        {t('problems.moderation.noteHint')}
      </p>
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          <span className="visually-hidden">{t('common.form.errorPrefix')} </span>
          {errorText(t, error)}
        </p>
      ) : null}
      <input
        id={id}
        name="note"
        type="text"
        className="input input--full"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
      />
    </div>
  );
}

export default function Problems({ loaderData, actionData }: Route.ComponentProps) {
  const { t, dateTime } = useI18n();
  const { locality, status, pending, moderate, rows, page } = loaderData;
  const failed = actionData && !actionData.ok ? actionData : null;
  const createFail = failed?.intent === 'create' ? failed : null;
  return (
    <>
      <PageHeader
        title={t('problems.list.title')}
        hasError={Boolean(failed)}
        lead={t('problems.list.lead')}
        breadcrumbs={
          <Breadcrumbs
            items={[
              { to: `/app/${locality.slug}`, label: locality.name },
              { label: t('problems.list.title') },
            ]}
          />
        }
        actions={
          <Link to={`/p/${locality.slug}/problems`} className="button button--secondary">
            {t('problems.list.publicPage')}
          </Link>
        }
      />
      {moderate && pending > 0 ? (
        <p className="notice">
          {t('problems.list.pending', { count: pending })}{' '}
          <Link to="?status=pending">{t('problems.list.moderateNow')}</Link>
        </p>
      ) : null}
      <Form method="get" className="filter-bar">
        <label htmlFor="problem-status">{t('problems.list.statusFilter')}</label>
        {/* Keyed by the filter, so it shows the filter in force after a link such as "review them". */}
        <select
          key={status}
          id="problem-status"
          name="status"
          defaultValue={status}
          className="input input--medium"
        >
          <option value="">{t('problems.list.allStatuses')}</option>
          {PROBLEM_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`problems.status.${s}`)}
            </option>
          ))}
        </select>
        <button type="submit" className="button button--secondary">
          {t('common.filter')}
        </button>
      </Form>
      {rows.length === 0 ? (
        <p>{t('problems.list.empty')}</p>
      ) : (
        <ul className="card-list card-list--wide">
          {rows.map((p) => {
            const rowFail = failed?.intent === 'status' && failed.id === p.id ? failed : null;
            return (
              <li key={p.id} className="card">
                <h2>{p.title}</h2>
                <p className="muted">
                  <span className={`badge badge--problem-${p.status}`}>
                    {t(`problems.status.${p.status}`)}
                  </span>{' '}
                  · {t(`problems.source.${p.source as 'resident'}`)} · {dateTime(p.createdAt)}
                </p>
                <p className="pre-line">{p.description}</p>
                {p.affected ? (
                  <p>
                    <strong>{t('problems.form.affected.label')}:</strong> {p.affected}
                  </p>
                ) : null}
                {p.proposals ? (
                  <p>
                    <strong>{t('problems.form.proposals.label')}:</strong> {p.proposals}
                  </p>
                ) : null}
                {p.contactEmail ? (
                  <p className="muted">
                    {t('problems.list.contact', { name: p.contactName || '—', email: p.contactEmail })}
                  </p>
                ) : null}
                {p.moderationNote ? (
                  <p className="muted">{t('problems.list.note', { note: p.moderationNote })}</p>
                ) : null}
                {moderate && TRANSITIONS[p.status].length > 0 ? (
                  <form method="post" className="stack stack--tight">
                    <CsrfInput />
                    <input type="hidden" name="intent" value="status" />
                    <input type="hidden" name="id" value={p.id} />
                    <input type="hidden" name="returnStatus" value={status} />
                    {rowFail ? <ErrorSummary errors={rowFail.errors} /> : null}
                    {p.status === 'pending' ? (
                      <ModerationNote
                        id={rowFail ? fieldId('note') : `note-${p.id}`}
                        error={rowFail?.errors.note}
                      />
                    ) : null}
                    <div className="actions">
                      {TRANSITIONS[p.status].map((to) => (
                        <button
                          key={to}
                          type="submit"
                          name="to"
                          value={to}
                          className={
                            to === 'rejected'
                              ? 'button button--danger button--small'
                              : 'button button--secondary button--small'
                          }
                        >
                          {t(`problems.action.${to}`)}
                          <span className="visually-hidden">: {p.title}</span>
                        </button>
                      ))}
                    </div>
                  </form>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      <Pagination info={page} />
      <details className="panel-details" open={Boolean(createFail)}>
        <summary>{t('problems.create.title')}</summary>
        <ErrorSummary errors={createFail?.errors} />
        <PostForm className="stack">
          <input type="hidden" name="intent" value="create" />
          <TextField
            name="title"
            label={t('problems.form.title.label')}
            defaultValue={createFail?.values.title}
            error={createFail?.errors.title}
          />
          <TextArea
            name="description"
            label={t('problems.form.description.label')}
            defaultValue={createFail?.values.description}
            error={createFail?.errors.description}
          />
          <TextArea
            name="affected"
            rows={2}
            label={t('problems.form.affected.labelOptional')}
            defaultValue={createFail?.values.affected}
            error={createFail?.errors.affected}
          />
          <TextArea
            name="evidence"
            rows={2}
            label={t('problems.form.evidence.labelOptional')}
            defaultValue={createFail?.values.evidence}
            error={createFail?.errors.evidence}
          />
          <TextArea
            name="proposals"
            rows={2}
            label={t('problems.form.proposals.labelOptional')}
            defaultValue={createFail?.values.proposals}
            error={createFail?.errors.proposals}
          />
          <div className="actions">
            <button type="submit" className="button button--primary">
              {t('problems.create.submit')}
            </button>
          </div>
        </PostForm>
      </details>
    </>
  );
}
