import { Link, useLocation } from 'react-router';
import { DateField, PostForm, SelectField, TextArea } from '../../../components/ui/form.tsx';
import { useI18n } from '../../../components/ui/i18n-context.tsx';
import { dateInputValue } from '../../../lib/dates.ts';
import type { FieldErrors } from '../../../lib/forms.ts';
import type { PlanAction } from '../plans.queries.server.ts';
import { ACTION_KINDS } from '../plans.rules.ts';

export type Failed = { intent: string; errors: FieldErrors; values: Record<string, string> } | null;
type Option = { id: string; name: string };

function StatusButton({
  actionId,
  status,
  label,
  aria,
}: {
  actionId: string;
  status: string;
  label: string;
  aria: string;
}) {
  return (
    <PostForm className="inline-form">
      <input type="hidden" name="intent" value="actionStatus" />
      <input type="hidden" name="actionId" value={actionId} />
      <input type="hidden" name="actionStatus" value={status} />
      <button type="submit" className="button button--secondary button--small" aria-label={aria}>
        {label}
      </button>
    </PostForm>
  );
}

/**
 * The plan's actions: a table with each action's state and buttons to mark it done, dropped or
 * planned again, and one form to add an action or (with ?editAction=id) change one.
 */
export function PlanActions({
  actions,
  editing,
  open,
  failed,
  staff,
  organisations,
}: {
  actions: PlanAction[];
  editing: PlanAction | null;
  open: boolean;
  failed: Failed;
  staff: Option[];
  organisations: Option[];
}) {
  const { t, date } = useI18n();
  // A new location after each successful save: the form starts empty again (with JavaScript,
  // React would otherwise keep what was typed for the action just added).
  const { key: navigation } = useLocation();
  const f = failed && ['addAction', 'editAction', 'agree'].includes(failed.intent) ? failed : null;
  const formFailed = f && f.intent !== 'agree' ? f : null;
  const v = formFailed?.values;
  const e = f?.errors ?? {};
  const intent = formFailed?.intent === 'editAction' || (!formFailed && editing) ? 'editAction' : 'addAction';
  const current = intent === 'editAction' ? editing : null;
  return (
    <section aria-labelledby="actions" className="section">
      <h2 id="actions">{t('plans.actions.title')}</h2>
      {actions.length === 0 ? (
        <p>{t('plans.actions.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table table--stack">
            <caption>{t('plans.actions.caption', { count: actions.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('plans.actions.col.description')}</th>
                <th scope="col">{t('plans.actions.col.kind')}</th>
                <th scope="col">{t('plans.actions.col.responsible')}</th>
                <th scope="col">{t('plans.actions.col.due')}</th>
                <th scope="col">{t('plans.actions.col.status')}</th>
                {open ? <th scope="col">{t('plans.actions.col.change')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {actions.map((a) => (
                <tr key={a.id}>
                  <th scope="row" className="pre-line">
                    {a.description}
                  </th>
                  <td data-label={t('plans.actions.col.kind')}>
                    {t(`plans.actionKind.${a.kind as 'other'}`)}
                  </td>
                  <td data-label={t('plans.actions.col.responsible')}>
                    {[a.responsibleUserName, a.responsibleOrganisationName].filter(Boolean).join(', ') || '—'}
                  </td>
                  <td data-label={t('plans.actions.col.due')}>{a.dueOn ? date(a.dueOn) : '—'}</td>
                  <td data-label={t('plans.actions.col.status')}>
                    {a.status === 'done' && a.doneOn
                      ? t('plans.actions.doneOn', { date: date(a.doneOn) })
                      : t(`plans.actionStatus.${a.status as 'planned'}`)}
                  </td>
                  {open ? (
                    <td data-label={t('plans.actions.col.change')}>
                      <div className="plan-action-buttons">
                        {a.status === 'planned' ? (
                          <>
                            <StatusButton
                              actionId={a.id}
                              status="done"
                              label={t('plans.actions.markDone')}
                              aria={t('plans.actions.markDoneLabel', { description: a.description })}
                            />
                            <StatusButton
                              actionId={a.id}
                              status="dropped"
                              label={t('plans.actions.markDropped')}
                              aria={t('plans.actions.markDroppedLabel', { description: a.description })}
                            />
                          </>
                        ) : (
                          <StatusButton
                            actionId={a.id}
                            status="planned"
                            label={t('plans.actions.markPlanned')}
                            aria={t('plans.actions.markPlannedLabel', { description: a.description })}
                          />
                        )}
                        <Link
                          to={`?editAction=${a.id}#action-form`}
                          aria-label={t('plans.actions.editLabel', { description: a.description })}
                        >
                          {t('plans.actions.edit')}
                        </Link>
                      </div>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {open ? (
        <div className="panel" id="action-form">
          <h3>{intent === 'editAction' ? t('plans.actions.edit.title') : t('plans.actions.add.title')}</h3>
          <PostForm className="stack" key={`${current?.id ?? 'new'}-${navigation}`}>
            <input type="hidden" name="intent" value={intent} />
            {intent === 'editAction' ? (
              <input type="hidden" name="actionId" value={v?.actionId ?? current?.id ?? ''} />
            ) : null}
            <SelectField
              name="actionKind"
              label={t('plans.form.actionKind.label')}
              defaultValue={v?.actionKind ?? current?.kind ?? ''}
              emptyLabel={t('plans.form.choose')}
              options={ACTION_KINDS.map((k) => ({ value: k, label: t(`plans.actionKind.${k}`) }))}
              error={e.actionKind}
              required
            />
            <TextArea
              name="actionDescription"
              rows={2}
              label={t('plans.form.actionDescription.label')}
              defaultValue={v?.actionDescription ?? current?.description}
              error={e.actionDescription}
              required
            />
            <SelectField
              name="actionResponsibleUserId"
              label={t('plans.form.actionResponsibleUserId.label')}
              defaultValue={v?.actionResponsibleUserId ?? current?.responsibleUserId ?? ''}
              emptyLabel={t('plans.form.nobody')}
              options={staff.map((s) => ({ value: s.id, label: s.name }))}
              error={e.actionResponsibleUserId}
            />
            <SelectField
              name="actionOrganisationId"
              label={t('plans.form.actionOrganisationId.label')}
              hint={t('plans.form.actionOrganisationId.hint')}
              defaultValue={v?.actionOrganisationId ?? current?.responsibleOrganisationId ?? ''}
              emptyLabel={t('plans.form.nobody')}
              options={organisations.map((o) => ({ value: o.id, label: o.name }))}
              error={e.actionOrganisationId}
            />
            <DateField
              name="actionDueOn"
              label={t('plans.form.actionDueOn.label')}
              defaultValue={v?.actionDueOn ?? dateInputValue(current?.dueOn)}
              error={e.actionDueOn}
            />
            <div className="actions">
              <button type="submit" className="button button--primary">
                {intent === 'editAction' ? t('plans.actions.edit.submit') : t('plans.actions.add.submit')}
              </button>
              {intent === 'editAction' ? (
                <Link to="?#actions" className="button button--secondary">
                  {t('plans.form.cancel')}
                </Link>
              ) : null}
            </div>
          </PostForm>
        </div>
      ) : null}
    </section>
  );
}
