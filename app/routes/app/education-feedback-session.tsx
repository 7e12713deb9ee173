import { Link } from 'react-router';
import { ErrorSummary, errorText, fieldId, PostForm, TextArea } from '../../components/ui/form.tsx';
import { useI18n } from '../../components/ui/i18n-context.tsx';
import { Breadcrumbs, PageHeader } from '../../components/ui/page.tsx';
import { SCALE } from '../../features/education/feedback/feedback.rules.ts';
import {
  type FeedbackMode,
  feedbackSession,
  submitFeedback,
} from '../../features/education/feedback/feedback.server.ts';
import { handleForm } from '../../features/education/feedback/feedback-route.server.ts';
import { AppError } from '../../lib/errors.ts';
import type { FieldError } from '../../lib/forms.ts';
import { formValues } from '../../lib/forms.ts';
import type { MessageKey } from '../../lib/i18n/catalog.ts';
import { redirectWithFlash, requireActor, run, services } from '../../lib/request.server.ts';
import type { Route } from './+types/education-feedback-session';

/** Which form the actor gets: their own answer, or anonymous paper forms (`?paper=1`, staff/facilitators). */
function chooseMode(
  session: { memberId: string | null; canEnterPaper: boolean },
  wantsPaper: boolean,
): FeedbackMode | null {
  if (session.canEnterPaper && (wantsPaper || !session.memberId)) return 'paper';
  if (session.memberId) return 'member';
  return null;
}

async function load(args: Route.LoaderArgs | Route.ActionArgs) {
  const { actor, locality } = await requireActor(args, { locality: args.params.locality });
  const db = services(args.context).db;
  const session = await feedbackSession(db, { actor, locality }, args.params.sessionId);
  if (!session) throw new AppError('NOT_FOUND', 'errors.404.body');
  return { actor, locality, db, session };
}

export async function loader(args: Route.LoaderArgs) {
  return run(async () => {
    const { locality, session } = await load(args);
    const wantsPaper = new URL(args.request.url).searchParams.get('paper') === '1';
    const mode = chooseMode(session, wantsPaper);
    if (!mode) throw new AppError('FORBIDDEN', 'education.feedback.notMember');
    if (mode === 'member' && session.attendance !== null && session.attendance !== 'present')
      throw new AppError('FORBIDDEN', 'education.feedback.notPresent');
    return {
      locality: { slug: locality.slug, name: locality.name },
      session: {
        id: session.id,
        startsAt: session.startsAt,
        groupName: session.groupName,
        modules: session.modules,
        answers: session.answers,
      },
      mode,
      mine: mode === 'member' ? session.mine : null,
      canSwitch: Boolean(session.memberId) && session.canEnterPaper,
    };
  });
}

export async function action(args: Route.ActionArgs) {
  const { actor, locality, db, session } = await run(() => load(args));
  const form = await args.request.formData();
  const values = formValues(form);
  const mode: FeedbackMode = values.mode === 'paper' ? 'paper' : 'member';
  return handleForm(form, async () => {
    const saved = await submitFeedback(db, { actor, locality, sessionId: session.id, mode, values });
    const here = `/app/${locality.slug}/education/feedback/${session.id}`;
    if (mode === 'paper')
      return redirectWithFlash(args.context, `${here}?paper=1`, {
        kind: 'success',
        key: 'education.feedback.paper.saved',
      });
    return redirectWithFlash(args.context, here, {
      kind: 'success',
      key: saved.replaced ? 'education.feedback.replaced' : 'education.feedback.saved',
    });
  });
}

function Scale({
  name,
  legend,
  error,
  defaultValue,
}: {
  name: 'usefulness' | 'clarity';
  legend: string;
  error: FieldError | undefined;
  defaultValue: string | undefined;
}) {
  const { t } = useI18n();
  return (
    <div className={error ? 'field field--error' : 'field'}>
      <fieldset id={fieldId(name)} aria-describedby={error ? `${fieldId(name)}-error` : undefined}>
        <legend className="feedback-scale__legend">{legend}</legend>
        {error ? (
          <p className="field-error" id={`${fieldId(name)}-error`}>
            <span className="visually-hidden">{t('common.form.errorPrefix')} </span>
            {errorText(t, error)}
          </p>
        ) : null}
        <div className="feedback-scale">
          {SCALE.map((n) => (
            <div className="feedback-scale__option" key={n}>
              <input
                type="radio"
                id={`${fieldId(name)}-${n}`}
                name={name}
                value={String(n)}
                defaultChecked={defaultValue === String(n)}
              />
              <label htmlFor={`${fieldId(name)}-${n}`}>
                {t(`education.feedback.form.${name}.${n}` as MessageKey)}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

export default function FeedbackSessionPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t, dateTime } = useI18n();
  const { locality, session, mode, mine, canSwitch } = loaderData;
  const failed = actionData && !actionData.ok ? actionData : null;
  const e = failed?.errors ?? {};
  const v: Record<string, string> =
    failed?.values ??
    (mine
      ? { usefulness: String(mine.usefulness), clarity: String(mine.clarity), comment: mine.comment }
      : {});
  const here = `/app/${locality.slug}/education/feedback/${session.id}`;
  const title = mode === 'paper' ? t('education.feedback.paper.title') : t('education.feedback.title');
  return (
    <div className="form-page feedback-page">
      <PageHeader
        title={title}
        hasError={Boolean(failed)}
        lead={mode === 'paper' ? t('education.feedback.paper.lead') : t('education.feedback.lead')}
        breadcrumbs={
          <Breadcrumbs items={[{ to: `/app/${locality.slug}`, label: locality.name }, { label: title }]} />
        }
      />
      <p>
        {t('education.feedback.session', { group: session.groupName, date: dateTime(session.startsAt) })}
        {session.modules.length ? (
          <>
            <br />
            {t('education.feedback.modules', { list: session.modules.join(', ') })}
          </>
        ) : null}
      </p>
      {mode === 'paper' ? <p>{t('education.feedback.paper.count', { count: session.answers })}</p> : null}
      {mode === 'member' && mine ? <p className="notice">{t('education.feedback.already')}</p> : null}
      <ErrorSummary errors={e} />
      <PostForm className="stack feedback-form">
        <input type="hidden" name="mode" value={mode} />
        <Scale
          name="usefulness"
          legend={t('education.feedback.form.usefulness.legend')}
          error={e.usefulness}
          defaultValue={v.usefulness}
        />
        <Scale
          name="clarity"
          legend={t('education.feedback.form.clarity.legend')}
          error={e.clarity}
          defaultValue={v.clarity}
        />
        <TextArea
          name="comment"
          label={t('education.feedback.form.comment.label')}
          hint={t('education.feedback.form.comment.hint')}
          defaultValue={v.comment}
          error={e.comment}
          rows={4}
        />
        <button type="submit" className="button button--large">
          {t('education.feedback.form.submit')}
        </button>
      </PostForm>
      {canSwitch ? (
        <p>
          {mode === 'paper' ? (
            <Link to={here}>{t('education.feedback.member.switch')}</Link>
          ) : (
            <Link to={`${here}?paper=1`}>{t('education.feedback.paper.switch')}</Link>
          )}
        </p>
      ) : null}
    </div>
  );
}
