import { Link } from 'react-router';
import { CsrfInput, ErrorSummary, errorText, RequiredNote } from '../../components/ui/form.tsx';
import { useI18n } from '../../components/ui/i18n-context.tsx';
import { Breadcrumbs, PageHeader } from '../../components/ui/page.tsx';
import { MaterialFields } from '../../features/education/materials/material-fields.tsx';
import { megabytes, TYPE_LABELS } from '../../features/education/materials/materials.rules.ts';
import {
  createMaterial,
  materialFilesParameter,
  moduleOptions,
} from '../../features/education/materials/materials.server.ts';
import { materialStorage } from '../../features/education/materials/storage.server.ts';
import {
  handleForm,
  isResponse,
  requireLibraryReader,
  uploadedFile,
} from '../../features/education/programmes/education-route.server.ts';
import { AppError } from '../../lib/errors.ts';
import { todayInWarsaw } from '../../lib/i18n/i18n.ts';
import { redirectWithFlash, run, services, throwAppError } from '../../lib/request.server.ts';
import type { Route } from './+types/education-material-new';

async function guard(args: Route.LoaderArgs | Route.ActionArgs) {
  const ctx = await requireLibraryReader(args);
  if (!ctx.canManage) throwAppError(new AppError('FORBIDDEN', 'errors.403.body'));
  return ctx;
}

export async function loader(args: Route.LoaderArgs) {
  return run(async () => {
    const { locality } = await guard(args);
    const db = services(args.context).db;
    const [modules, files] = await Promise.all([
      moduleOptions(db, locality.localityId),
      materialFilesParameter(db, todayInWarsaw()),
    ]);
    const url = new URL(args.request.url);
    return {
      locality: { slug: locality.slug, name: locality.name },
      modules,
      preselected: url.searchParams.getAll('module'),
      limits: {
        maxMb: megabytes(files.maxBytes),
        types: files.types.map((t) => TYPE_LABELS[t] ?? t).join(', '),
      },
    };
  });
}

export async function action(args: Route.ActionArgs) {
  const ctx = await run(() => guard(args));
  const { db, config } = services(args.context);
  const form = await args.request.formData();
  const file = await uploadedFile(form);
  const result = await handleForm(form, () =>
    createMaterial(db, materialStorage(config.materialStorage), ctx, { form, file, today: todayInWarsaw() }),
  );
  if (isResponse(result) || typeof result !== 'string') return result;
  return redirectWithFlash(args.context, `/app/${ctx.locality.slug}/education/materials/${result}`, {
    kind: 'success',
    key: 'education.materials.created',
  });
}

export default function EducationMaterialNew({ loaderData, actionData }: Route.ComponentProps) {
  const { t, number } = useI18n();
  const { locality, modules, preselected, limits } = loaderData;
  const base = `/app/${locality.slug}/education/materials`;
  const failed = actionData && !actionData.ok ? actionData : null;
  const fileError = failed?.errors.file;
  return (
    <div className="form-page">
      <PageHeader
        title={t('education.materials.new.title')}
        hasError={Boolean(failed)}
        breadcrumbs={
          <Breadcrumbs
            items={[
              { to: `/app/${locality.slug}`, label: locality.name },
              { to: base, label: t('education.materials.list.title') },
              { label: t('education.materials.new.title') },
            ]}
          />
        }
      />
      <ErrorSummary errors={failed?.errors} />
      <form method="post" encType="multipart/form-data" className="stack" noValidate>
        <CsrfInput />
        <RequiredNote />
        <MaterialFields
          values={failed?.values ?? {}}
          errors={failed?.errors}
          modules={modules}
          selectedModules={failed ? [failed.values.modules ?? ''] : preselected}
          showKind
        />
        <div className={fileError ? 'field field--error' : 'field'}>
          <label htmlFor="f-file">{t('education.materials.form.file.label')}</label>
          <p className="hint" id="f-file-hint">
            {t('education.materials.form.file.hint', { max: number(limits.maxMb), types: limits.types })}
          </p>
          {fileError ? (
            <p className="field-error" id="f-file-error">
              {errorText(t, fileError)}
            </p>
          ) : null}
          <input
            id="f-file"
            name="file"
            type="file"
            className="input"
            aria-describedby={fileError ? 'f-file-hint f-file-error' : 'f-file-hint'}
            aria-invalid={fileError ? true : undefined}
          />
        </div>
        <div className="actions">
          <button type="submit" className="button button--primary">
            {t('education.materials.new.submit')}
          </button>
          <Link to={base}>{t('education.materials.form.cancel')}</Link>
        </div>
      </form>
    </div>
  );
}
