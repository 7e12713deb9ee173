import { Link } from 'react-router';
import {
  ConfirmCheckbox,
  CsrfInput,
  ErrorSummary,
  errorText,
  PostForm,
  TextField,
} from '../../components/ui/form.tsx';
import { useI18n } from '../../components/ui/i18n-context.tsx';
import { Breadcrumbs, PageHeader } from '../../components/ui/page.tsx';
import { MaterialFields } from '../../features/education/materials/material-fields.tsx';
import { megabytes, TYPE_LABELS } from '../../features/education/materials/materials.rules.ts';
import {
  addMaterialVersion,
  audiencesFor,
  deleteMaterial,
  getMaterial,
  materialFilesParameter,
  moduleOptions,
  updateMaterial,
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
import { redirectWithFlash, run, services } from '../../lib/request.server.ts';
import type { Route } from './+types/education-material';

export async function loader(args: Route.LoaderArgs) {
  return run(async () => {
    const ctx = await requireLibraryReader(args);
    const { locality } = ctx;
    const db = services(args.context).db;
    const material = await getMaterial(db, {
      localityId: locality.localityId,
      materialId: args.params.materialId,
      audiences: audiencesFor(ctx),
    });
    if (!material) throw new AppError('NOT_FOUND', 'errors.404.body');
    const [modules, files] = ctx.canManage
      ? await Promise.all([
          moduleOptions(db, locality.localityId),
          materialFilesParameter(db, todayInWarsaw()),
        ])
      : [[], null];
    return {
      locality: { slug: locality.slug, name: locality.name },
      canManage: ctx.canManage,
      material: {
        ...material,
        createdAt: material.createdAt.toISOString(),
        updatedAt: material.updatedAt.toISOString(),
      },
      modules,
      limits: files
        ? { maxMb: megabytes(files.maxBytes), types: files.types.map((t) => TYPE_LABELS[t] ?? t).join(', ') }
        : null,
    };
  });
}

export async function action(args: Route.ActionArgs) {
  const ctx = await run(() => requireLibraryReader(args));
  if (!ctx.canManage) return run(() => Promise.reject(new AppError('FORBIDDEN', 'errors.403.body')));
  const { db, config } = services(args.context);
  const form = await args.request.formData();
  const intent = String(form.get('intent') ?? '');
  const id = args.params.materialId;
  const result = await handleForm(form, async () => {
    if (intent === 'version') {
      const file = await uploadedFile(form);
      const version = await addMaterialVersion(db, materialStorage(config.materialStorage), ctx, id, {
        file,
        note: String(form.get('note') ?? ''),
        today: todayInWarsaw(),
      });
      return { key: 'education.materials.version.added' as const, values: { version } };
    }
    if (intent === 'delete') {
      const { title } = await deleteMaterial(
        db,
        materialStorage(config.materialStorage),
        ctx,
        id,
        form.get('confirm') === 'on',
      );
      return redirectWithFlash(args.context, `/app/${ctx.locality.slug}/education/materials`, {
        kind: 'success',
        key: 'education.materials.deleted',
        values: { title },
      });
    }
    if (intent === 'update') {
      await updateMaterial(db, ctx, id, form);
      return { key: 'education.materials.updated' as const, values: { version: 0 } };
    }
    throw new AppError('BAD_REQUEST', 'common.form.invalid');
  });
  if (isResponse(result) || !('key' in result)) return result;
  return redirectWithFlash(args.context, `/app/${ctx.locality.slug}/education/materials/${id}`, {
    kind: 'success',
    key: result.key,
    values: result.values,
  });
}

function size(bytes: number, t: ReturnType<typeof useI18n>['t'], number: (n: number) => string) {
  if (bytes < 1024 * 100)
    return t('education.materials.sizeKb', { size: number(Math.max(1, Math.round(bytes / 1024))) });
  return t('education.materials.sizeMb', { size: number(megabytes(bytes)) });
}

export default function EducationMaterial({ loaderData, actionData }: Route.ComponentProps) {
  const { t, number, dateTime } = useI18n();
  const { locality, canManage, material, modules, limits } = loaderData;
  const base = `/app/${locality.slug}/education/materials`;
  const failed = actionData && !actionData.ok ? actionData : null;
  const versionFailed = failed?.intent === 'version' ? failed : null;
  const updateFailed = failed?.intent === 'update' ? failed : null;
  const deleteFailed = failed?.intent === 'delete' ? failed : null;
  const fileError = versionFailed?.errors.file;
  const latest = material.versions[0];
  return (
    <>
      <PageHeader
        title={material.title}
        lead={material.description || undefined}
        hasError={Boolean(failed)}
        breadcrumbs={
          <Breadcrumbs
            items={[
              { to: `/app/${locality.slug}`, label: locality.name },
              { to: base, label: t('education.materials.list.title') },
              { label: material.title },
            ]}
          />
        }
        actions={
          material.kind === 'link' ? (
            <a href={material.url} className="button button--primary" rel="noopener noreferrer">
              {t('education.materials.openLink')}
            </a>
          ) : latest ? (
            <a
              href={`${base}/${material.id}/versions/${latest.version}`}
              className="button button--primary"
              download
            >
              {t('education.materials.download', { version: latest.version })}
            </a>
          ) : null
        }
      />
      <dl className="material-facts">
        <dt>{t('education.materials.form.kind.label')}</dt>
        <dd>{t(`education.materials.kind.${material.kind as 'document'}`)}</dd>
        <dt>{t('education.materials.form.language.label')}</dt>
        <dd>{t(`education.materials.language.${material.language as 'pl'}`)}</dd>
        <dt>{t('education.materials.form.licence.label')}</dt>
        <dd>{material.licence || t('education.materials.noLicence')}</dd>
        <dt>{t('education.materials.form.visibility.label')}</dt>
        <dd>{t(`education.materials.visibility.${material.visibility as 'staff'}Long`)}</dd>
        {material.kind === 'link' ? (
          <>
            <dt>{t('education.materials.form.url.label')}</dt>
            <dd>
              <a href={material.url} rel="noopener noreferrer">
                {material.url}
              </a>
            </dd>
          </>
        ) : null}
      </dl>
      <h2>{t('education.materials.modulesTitle')}</h2>
      {material.modules.length === 0 ? (
        <p>{t('education.materials.noModules')}</p>
      ) : (
        <ul>
          {material.modules.map((m) => (
            <li key={m.id}>
              <Link to={`/app/${locality.slug}/education/programmes/${m.curriculumId}#module-${m.id}`}>
                {m.title}
              </Link>{' '}
              ({m.curriculumName})
            </li>
          ))}
        </ul>
      )}
      {material.kind !== 'link' ? (
        <>
          <h2>{t('education.materials.versions.title')}</h2>
          {material.versions.length === 0 ? (
            <p>{t('education.materials.versions.empty')}</p>
          ) : (
            <div className="table-wrap">
              <table className="table table--stack table--stack-plain">
                <caption>
                  {t('education.materials.versions.caption', { count: material.versions.length })}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('education.materials.versions.version')}</th>
                    <th scope="col">{t('education.materials.versions.file')}</th>
                    <th scope="col">{t('education.materials.versions.size')}</th>
                    <th scope="col">{t('education.materials.versions.uploaded')}</th>
                    <th scope="col">{t('education.materials.versions.by')}</th>
                    <th scope="col">{t('education.materials.versions.note')}</th>
                  </tr>
                </thead>
                <tbody>
                  {material.versions.map((v) => (
                    <tr key={v.version}>
                      <th scope="row">{number(v.version)}</th>
                      <td data-label={t('education.materials.versions.file')}>
                        <a href={`${base}/${material.id}/versions/${v.version}`} download>
                          {v.fileName}
                        </a>{' '}
                        ({TYPE_LABELS[v.contentType] ?? v.contentType})
                      </td>
                      <td data-label={t('education.materials.versions.size')}>
                        {size(v.sizeBytes, t, number)}
                      </td>
                      <td data-label={t('education.materials.versions.uploaded')}>
                        {dateTime(v.uploadedAt)}
                      </td>
                      <td data-label={t('education.materials.versions.by')}>{v.uploadedBy ?? '—'}</td>
                      <td data-label={t('education.materials.versions.note')}>{v.note || '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      ) : null}
      {canManage && material.kind !== 'link' && limits ? (
        <section aria-labelledby="version-new" className="form-page">
          <h2 id="version-new">{t('education.materials.version.title')}</h2>
          <ErrorSummary errors={versionFailed?.errors} />
          <form method="post" encType="multipart/form-data" className="stack" noValidate>
            <CsrfInput />
            <input type="hidden" name="intent" value="version" />
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
            <TextField
              name="note"
              label={t('education.materials.form.note.label')}
              defaultValue={versionFailed?.values.note}
              error={versionFailed?.errors.note}
            />
            <button type="submit" className="button button--primary">
              {t('education.materials.version.submit')}
            </button>
          </form>
        </section>
      ) : null}
      {canManage ? (
        <section aria-labelledby="material-edit" className="form-page">
          <h2 id="material-edit">{t('education.materials.edit.title')}</h2>
          <ErrorSummary errors={updateFailed?.errors} />
          <PostForm className="stack" noValidate>
            <input type="hidden" name="intent" value="update" />
            <MaterialFields
              values={
                updateFailed?.values ?? {
                  title: material.title,
                  description: material.description,
                  kind: material.kind,
                  language: material.language,
                  licence: material.licence,
                  visibility: material.visibility,
                  url: material.url,
                }
              }
              errors={updateFailed?.errors}
              modules={modules}
              selectedModules={material.modules.map((m) => m.id)}
              showKind={false}
            />
            <button type="submit" className="button button--primary">
              {t('education.materials.edit.submit')}
            </button>
          </PostForm>
        </section>
      ) : null}
      {canManage ? (
        <section aria-labelledby="material-delete">
          <h2 id="material-delete">{t('education.materials.delete.title')}</h2>
          <p>{t('education.materials.delete.hint', { count: material.versions.length })}</p>
          {deleteFailed ? <ErrorSummary errors={deleteFailed.errors} /> : null}
          <PostForm className="stack">
            <input type="hidden" name="intent" value="delete" />
            <ConfirmCheckbox
              label={t('education.materials.delete.confirm.label')}
              error={deleteFailed?.errors.confirm}
            />
            <div className="actions">
              <button type="submit" className="button button--danger">
                {t('education.materials.delete.submit')}
              </button>
            </div>
          </PostForm>
        </section>
      ) : null}
    </>
  );
}
