import { data, Form } from 'react-router';
import { z } from 'zod';
import { ErrorSummary, errorText, fieldId, PostForm, TextField } from '../../components/ui/form.tsx';
import { useI18n } from '../../components/ui/i18n-context.tsx';
import { Breadcrumbs, PageHeader } from '../../components/ui/page.tsx';
import { createLocality, searchGminas } from '../../features/localities/localities.server.ts';
import { AppError } from '../../lib/errors.ts';
import { type FieldErrors, formValues, parseForm } from '../../lib/forms.ts';
import {
  redirectWithFlash,
  requirePlatformAdmin,
  services,
  throwAppError,
} from '../../lib/request.server.ts';
import type { Route } from './+types/locality-new';

const createSchema = z.object({
  terytCode: z.string().regex(/^\d{7}$/, { message: 'admin.localities.form.gmina.required' }),
  population: z
    .string()
    .default('')
    .transform((v) => v.replace(/[\s\u00a0]/g, ''))
    .refine((v) => v === '' || /^\d{1,8}$/.test(v), { message: 'admin.localities.form.population.invalid' })
    .transform((v) => (v === '' ? null : Number(v))),
  q: z.string().optional(),
});

export async function loader(args: Route.LoaderArgs) {
  requirePlatformAdmin(args);
  const q = new URL(args.request.url).searchParams.get('q')?.slice(0, 100) ?? '';
  const results = q ? await searchGminas(services(args.context).db, { query: q }) : [];
  return { q, results };
}

type Failure = { ok: false; errors: FieldErrors; values: Record<string, string> };

export async function action(args: Route.ActionArgs) {
  const actor = requirePlatformAdmin(args);
  const form = await args.request.formData();
  const parsed = parseForm(form, createSchema);
  if (!parsed.ok) return data<Failure>(parsed, { status: 400 });
  try {
    const created = await createLocality(services(args.context).db, {
      actor,
      terytCode: parsed.data.terytCode,
      population: parsed.data.population,
    });
    return redirectWithFlash(args.context, `/app/${created.slug}`, {
      kind: 'success',
      key: 'admin.localities.created',
    });
  } catch (error) {
    if (error instanceof AppError && (error.code === 'CONFLICT' || error.code === 'BAD_REQUEST')) {
      return data<Failure>(
        { ok: false, errors: error.fieldErrors, values: formValues(form) },
        { status: error.status },
      );
    }
    if (error instanceof AppError) throwAppError(error);
    throw error;
  }
}

export default function LocalityNew({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useI18n();
  const failed = actionData && !actionData.ok ? actionData : null;
  const { q, results } = loaderData;
  const selected = failed?.values.terytCode;
  return (
    <>
      <PageHeader
        title={t('admin.localities.new.title')}
        hasError={Boolean(failed)}
        lead={t('admin.localities.new.lead')}
        breadcrumbs={
          <Breadcrumbs
            items={[
              { to: '/admin/localities', label: t('admin.localities.title') },
              { label: t('admin.localities.new.title') },
            ]}
          />
        }
      />
      <Form method="get" className="search-form" role="search">
        <label htmlFor="gmina-q">{t('admin.localities.new.searchLabel')}</label>
        <p className="hint" id="gmina-q-hint">
          {t('admin.localities.new.searchHint')}
        </p>
        <div className="search-form__row">
          <input
            id="gmina-q"
            name="q"
            type="search"
            defaultValue={q}
            className="input input--medium"
            aria-describedby="gmina-q-hint"
          />
          <button type="submit" className="button button--secondary">
            {t('admin.localities.new.search')}
          </button>
        </div>
      </Form>
      {q && results.length === 0 ? <p>{t('admin.localities.new.noResults', { q })}</p> : null}
      {results.length > 0 ? (
        <>
          <ErrorSummary errors={failed?.errors} />
          <PostForm className="stack">
            <input type="hidden" name="q" value={q} />
            <fieldset
              id={fieldId('terytCode')}
              aria-describedby={failed?.errors.terytCode ? `${fieldId('terytCode')}-error` : undefined}
            >
              <legend>{t('admin.localities.form.gmina.label')}</legend>
              {failed?.errors.terytCode ? (
                <p className="field-error" id={`${fieldId('terytCode')}-error`}>
                  <span className="visually-hidden">{t('common.form.errorPrefix')} </span>
                  {errorText(t, failed.errors.terytCode)}
                </p>
              ) : null}
              <div className="radios">
                {results.map((g) => (
                  <div className="radio" key={g.code}>
                    <input
                      type="radio"
                      id={`gmina-${g.code}`}
                      name="terytCode"
                      value={g.code}
                      disabled={g.taken}
                      defaultChecked={selected === g.code}
                    />
                    <label htmlFor={`gmina-${g.code}`}>
                      <strong>{g.name}</strong> — {t(`common.localityKind.${g.kind as 'rural'}`)},{' '}
                      {t('admin.localities.new.powiat', { powiat: g.powiat })},{' '}
                      {t('admin.localities.new.voivodeship', { voivodeship: g.voivodeship })}{' '}
                      <span className="muted">(TERYT {g.code})</span>
                      {g.taken ? <span className="muted"> · {t('admin.localities.new.taken')}</span> : null}
                    </label>
                  </div>
                ))}
              </div>
            </fieldset>
            <TextField
              name="population"
              label={t('admin.localities.form.population.label')}
              hint={t('admin.localities.form.population.hint')}
              inputMode="numeric"
              width="short"
              defaultValue={failed?.values.population}
              error={failed?.errors.population}
            />
            <div className="actions">
              <button type="submit" className="button button--primary">
                {t('admin.localities.new.submit')}
              </button>
            </div>
          </PostForm>
        </>
      ) : null}
    </>
  );
}
