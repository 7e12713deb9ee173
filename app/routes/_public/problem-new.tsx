import { data } from 'react-router';
import { ErrorSummary, PostForm, TextArea, TextField } from '../../components/ui/form.tsx';
import { useI18n } from '../../components/ui/i18n-context.tsx';
import { PageHeader } from '../../components/ui/page.tsx';
import { publicProblemSchema } from '../../features/problems/problem.schema.ts';
import { findPublicLocality, submitPublicProblem } from '../../features/problems/problems.server.ts';
import { AppError } from '../../lib/errors.ts';
import { type FieldErrors, parseForm } from '../../lib/forms.ts';
import { redirectWithFlash, requestInfo, run, services } from '../../lib/request.server.ts';
import type { Route } from './+types/problem-new';

/** A public page: no JavaScript is sent (see root.tsx). */
export const handle = { js: false };

export async function loader(args: Route.LoaderArgs) {
  return run(async () => {
    const locality = await findPublicLocality(services(args.context).db, args.params.locality);
    if (!locality) throw new AppError('NOT_FOUND', 'errors.404.body');
    return { locality: { slug: locality.slug, name: locality.name }, renderedAt: Date.now() };
  });
}

type Failure = { ok: false; errors: FieldErrors; values: Record<string, string> };

export async function action(args: Route.ActionArgs) {
  const { db } = services(args.context);
  const locality = await run(async () => {
    const l = await findPublicLocality(db, args.params.locality);
    if (!l) throw new AppError('NOT_FOUND', 'errors.404.body');
    return l;
  });
  const parsed = parseForm(await args.request.formData(), publicProblemSchema);
  if (!parsed.ok) return data<Failure>(parsed, { status: 400 });
  const info = requestInfo(args.context);
  const verdict = await submitPublicProblem(db, {
    localityId: locality.id,
    input: parsed.data,
    ip: info.ip,
    requestId: info.requestId,
  });
  if (!verdict.ok) {
    const key =
      verdict.reason === 'rate'
        ? 'problems.spam.rate'
        : verdict.reason === 'expired'
          ? 'problems.spam.expired'
          : 'problems.spam.tooFast';
    const {
      renderedAt: _r,
      website: _w,
      ...values
    } = Object.fromEntries(Object.entries(parsed.data).map(([k, v]) => [k, String(v)]));
    return data<Failure>(
      { ok: false, errors: { _form: key }, values },
      { status: verdict.reason === 'rate' ? 429 : 400 },
    );
  }
  return redirectWithFlash(args.context, `/p/${locality.slug}/problems`, {
    kind: 'success',
    key: 'problems.public.thanks',
  });
}

export default function PublicProblemNew({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useI18n();
  const { locality, renderedAt } = loaderData;
  const failed = actionData && !actionData.ok ? actionData : null;
  const v = failed?.values;
  return (
    <div className="form-page">
      <PageHeader
        title={t('problems.public.formTitle')}
        hasError={Boolean(failed)}
        lead={t('problems.public.formLead', { locality: locality.name })}
      />
      <ErrorSummary errors={failed?.errors} />
      <PostForm className="stack">
        <input type="hidden" name="renderedAt" value={renderedAt} />
        <div className="honeypot" aria-hidden="true">
          <label htmlFor="f-website">{t('problems.form.honeypot')}</label>
          <input id="f-website" name="website" type="text" tabIndex={-1} autoComplete="off" />
        </div>
        <TextField
          name="title"
          label={t('problems.form.title.label')}
          hint={t('problems.form.title.hint')}
          defaultValue={v?.title}
          error={failed?.errors.title}
        />
        <TextArea
          name="description"
          label={t('problems.form.description.label')}
          hint={t('problems.form.description.hint')}
          defaultValue={v?.description}
          error={failed?.errors.description}
        />
        <TextArea
          name="affected"
          rows={2}
          label={t('problems.form.affected.labelOptional')}
          defaultValue={v?.affected}
          error={failed?.errors.affected}
        />
        <TextArea
          name="proposals"
          rows={3}
          label={t('problems.form.proposals.labelOptional')}
          defaultValue={v?.proposals}
          error={failed?.errors.proposals}
        />
        <fieldset className="field-group">
          <legend>{t('problems.form.contact.legend')}</legend>
          <p className="hint">{t('problems.form.contact.hint')}</p>
          <TextField
            name="contactName"
            label={t('problems.form.contactName')}
            autoComplete="name"
            defaultValue={v?.contactName}
            error={failed?.errors.contactName}
          />
          <TextField
            name="contactEmail"
            type="email"
            label={t('problems.form.contactEmail')}
            autoComplete="email"
            defaultValue={v?.contactEmail}
            error={failed?.errors.contactEmail}
          />
          <div className={failed?.errors.consent ? 'field field--error' : 'field'}>
            {failed?.errors.consent ? (
              <p className="field-error" id="f-consent-error">
                {t('problems.form.consent.required')}
              </p>
            ) : null}
            <div className="checkbox">
              <input
                type="checkbox"
                id="f-consent"
                name="consent"
                value="1"
                aria-describedby={failed?.errors.consent ? 'f-consent-error' : undefined}
              />
              <label htmlFor="f-consent">{t('problems.form.consent.label')}</label>
            </div>
          </div>
        </fieldset>
        <div className="actions">
          <button type="submit" className="button button--primary">
            {t('problems.public.submit')}
          </button>
        </div>
      </PostForm>
    </div>
  );
}
