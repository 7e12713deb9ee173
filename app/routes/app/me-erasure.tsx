import { Link } from 'react-router';
import { ErrorSummary, errorText, fieldId, PostForm } from '../../components/ui/form.tsx';
import { useI18n } from '../../components/ui/i18n-context.tsx';
import { PageHeader } from '../../components/ui/page.tsx';
import { requestErasure } from '../../features/data-protection/erasure.server.ts';
import { erasureSchema } from '../../features/me/me.schema.ts';
import { canUseSelfService, requireSelfPerson } from '../../features/me/me.server.ts';
import { failure, handleForm } from '../../features/participants/participant-route.server.ts';
import { forbidden } from '../../lib/errors.ts';
import { parseForm } from '../../lib/forms.ts';
import { redirectWithFlash, requireActor, run, services } from '../../lib/request.server.ts';
import { baseUrl } from '../../lib/urls.server.ts';
import type { Route } from './+types/me-erasure';

async function self(args: Route.LoaderArgs | Route.ActionArgs) {
  const r = await requireActor(args, { locality: args.params.locality });
  if (!canUseSelfService(r.locality)) throw forbidden();
  const db = services(args.context).db;
  const personId = await requireSelfPerson(db, r);
  return { ...r, db, personId };
}

/** Asking to be erased: what goes, what stays as anonymous figures, and a confirmation. */
export async function loader(args: Route.LoaderArgs) {
  return run(async () => {
    const { locality } = await self(args);
    return { locality: { slug: locality.slug, name: locality.name } };
  });
}

export async function action(args: Route.ActionArgs) {
  const { actor, locality, db, personId } = await run(() => self(args));
  const form = await args.request.formData();
  const parsed = parseForm(form, erasureSchema);
  if (!parsed.ok) return failure(form, parsed.errors);
  return handleForm(form, async () => {
    const { mail, config } = services(args.context);
    await requestErasure(db, { actor, locality, personId, mail, baseUrl: baseUrl(args.request, config) });
    return redirectWithFlash(args.context, `/app/${locality.slug}/me`, {
      kind: 'success',
      key: 'me.erasure.requested',
    });
  });
}

export default function MeErasure({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useI18n();
  const failed = actionData && !actionData.ok ? actionData : null;
  const confirmError = failed?.errors.confirm;
  return (
    <div className="me">
      <PageHeader title={t('me.erasure.title')} hasError={Boolean(failed)} />
      <ErrorSummary errors={failed?.errors} />
      <p className="me-lead">{t('me.erasure.intro')}</p>
      <h2>{t('me.erasure.goesTitle')}</h2>
      <ul className="me-list">
        <li>{t('me.erasure.goes1')}</li>
        <li>{t('me.erasure.goes2')}</li>
        <li>{t('me.erasure.goes3')}</li>
      </ul>
      <h2>{t('me.erasure.staysTitle')}</h2>
      <ul className="me-list">
        <li>{t('me.erasure.stays1')}</li>
        <li>{t('me.erasure.stays2')}</li>
      </ul>
      <h2>{t('me.erasure.nextTitle')}</h2>
      <p>{t('me.erasure.next')}</p>
      <p>{t('me.erasure.downloadFirst')}</p>
      <PostForm className="me-form">
        <div className={confirmError ? 'field field--error' : 'field'}>
          {confirmError ? (
            <p className="field-error" id={`${fieldId('confirm')}-error`}>
              <span className="visually-hidden">{t('common.form.errorPrefix')} </span>
              {errorText(t, confirmError)}
            </p>
          ) : null}
          <div className="me-choice">
            <input
              type="checkbox"
              name="confirm"
              value="yes"
              id={fieldId('confirm')}
              aria-describedby={confirmError ? `${fieldId('confirm')}-error` : undefined}
            />
            <label htmlFor={fieldId('confirm')}>{t('me.erasure.confirm.label')}</label>
          </div>
        </div>
        <div className="me-actions">
          <button type="submit" className="button button--danger me-button">
            {t('me.erasure.submit')}
          </button>
          <Link to={`/app/${loaderData.locality.slug}/me`} className="button button--secondary me-button">
            {t('me.back')}
          </Link>
        </div>
      </PostForm>
    </div>
  );
}
