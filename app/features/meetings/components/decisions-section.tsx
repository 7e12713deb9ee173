import { Link } from 'react-router';
import {
  DateField,
  ErrorSummary,
  PostForm,
  SelectField,
  TextArea,
  TextField,
} from '../../../components/ui/form.tsx';
import { useT } from '../../../components/ui/i18n-context.tsx';
import { TASK_STATUSES, type TaskStatus } from '../meeting.rules.ts';
import { type DecisionView, failureOf, type MeetingFailure, type MemberOption, type Stage } from './types.ts';

/** Decisions taken at the meeting, the programme tasks each created, and the forms for both. */
export function DecisionsSection({
  decisions,
  actions,
  members,
  stage,
  canManage,
  openTaskFor,
  programmeUrl,
  failed,
}: {
  decisions: DecisionView[];
  actions: { id: string; title: string }[];
  members: MemberOption[];
  stage: Stage;
  canManage: boolean;
  /** The decision whose task form is open (from the link, or after a failed submit). */
  openTaskFor: string | null;
  programmeUrl: string;
  failed: MeetingFailure | null;
}) {
  const t = useT();
  const add = failureOf(failed, 'addDecision');
  const task = failureOf(failed, 'createTask');
  return (
    <section aria-labelledby="decisions" className="section">
      <h2 id="decisions">{t('meetings.decisions.title', { count: decisions.length })}</h2>
      {decisions.length === 0 ? <p>{t('meetings.decisions.none')}</p> : null}
      {decisions.map((d) => (
        <article key={d.id} id={`decision-${d.id}`} className="card" aria-labelledby={`decision-${d.id}-h`}>
          <h3 id={`decision-${d.id}-h`}>{t('meetings.decisions.heading', { number: d.number })}</h3>
          <p className="pre-line">{d.text}</p>
          {d.tasks.length > 0 ? (
            <>
              <h4>{t('meetings.tasks.title', { count: d.tasks.length })}</h4>
              <ul>
                {d.tasks.map((x) => (
                  <li key={x.id}>
                    {x.title}{' '}
                    <span className="tag">
                      {TASK_STATUSES.includes(x.status as TaskStatus)
                        ? t(`meetings.tasks.status.${x.status as TaskStatus}`)
                        : x.status}
                    </span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {canManage && stage.canRecord ? (
            openTaskFor === d.id ? (
              <TaskForm
                decision={d}
                actions={actions}
                members={members}
                programmeUrl={programmeUrl}
                failed={task?.decisionId === d.id ? task : null}
              />
            ) : (
              <p>
                <Link to={`?task=${d.id}#decision-${d.id}`}>
                  {t('meetings.tasks.create')}
                  <span className="visually-hidden">
                    {' '}
                    {t('meetings.decisions.heading', { number: d.number })}
                  </span>
                </Link>
              </p>
            )
          ) : null}
        </article>
      ))}
      {canManage && stage.canRecord ? (
        // Keyed by the list: after a decision is saved the form starts again empty.
        <details
          key={`decision-${decisions.length}`}
          className="panel-details"
          open={Boolean(add) || decisions.length === 0}
        >
          <summary>{t('meetings.decisions.add')}</summary>
          <ErrorSummary errors={add?.errors} />
          <PostForm className="stack">
            <input type="hidden" name="intent" value="addDecision" />
            <TextField
              name="number"
              width="short"
              autoComplete="off"
              label={t('meetings.decisions.number.label')}
              hint={t('meetings.decisions.number.hint')}
              defaultValue={add?.values.number}
              error={add?.errors.number}
            />
            <TextArea
              name="text"
              rows={4}
              label={t('meetings.decisions.text.label')}
              defaultValue={add?.values.text}
              error={add?.errors.text}
            />
            <div className="actions">
              <button type="submit" className="button button--primary">
                {t('meetings.decisions.submit')}
              </button>
            </div>
          </PostForm>
        </details>
      ) : null}
    </section>
  );
}

function TaskForm({
  decision,
  actions,
  members,
  programmeUrl,
  failed,
}: {
  decision: DecisionView;
  actions: { id: string; title: string }[];
  members: MemberOption[];
  programmeUrl: string;
  failed: MeetingFailure | null;
}) {
  const t = useT();
  if (actions.length === 0)
    return (
      <p className="notice">
        {t('meetings.tasks.noActions')} <Link to={programmeUrl}>{t('meetings.tasks.toProgramme')}</Link>
      </p>
    );
  return (
    <div className="panel">
      <h4>{t('meetings.tasks.formTitle', { number: decision.number })}</h4>
      <ErrorSummary errors={failed?.errors} />
      <PostForm className="stack">
        <input type="hidden" name="intent" value="createTask" />
        <input type="hidden" name="decisionId" value={decision.id} />
        <SelectField
          name="taskParentId"
          label={t('meetings.tasks.parent.label')}
          hint={t('meetings.tasks.parent.hint')}
          emptyLabel={t('meetings.tasks.parent.choose')}
          defaultValue={failed?.values.taskParentId}
          options={actions.map((a) => ({ value: a.id, label: a.title }))}
          error={failed?.errors.taskParentId}
        />
        <TextField
          name="taskTitle"
          label={t('meetings.tasks.taskTitle.label')}
          defaultValue={failed?.values.taskTitle ?? decision.text.slice(0, 200)}
          error={failed?.errors.taskTitle}
        />
        <SelectField
          name="taskOrganisationId"
          label={t('meetings.tasks.organisation.label')}
          emptyLabel={t('meetings.tasks.organisation.none')}
          defaultValue={failed?.values.taskOrganisationId}
          options={members.map((m) => ({ value: m.id, label: m.name }))}
          error={failed?.errors.taskOrganisationId}
        />
        <DateField
          name="taskDueOn"
          label={t('meetings.tasks.dueOn.label')}
          defaultValue={failed?.values.taskDueOn}
          error={failed?.errors.taskDueOn}
        />
        <div className="actions">
          <button type="submit" className="button button--primary">
            {t('meetings.tasks.submit')}
          </button>
        </div>
      </PostForm>
    </div>
  );
}
