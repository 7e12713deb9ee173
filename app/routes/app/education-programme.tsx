import { Link } from 'react-router';
import { ErrorSummary, PostForm, TextArea, TextField } from '../../components/ui/form.tsx';
import { useI18n } from '../../components/ui/i18n-context.tsx';
import { Breadcrumbs, PageHeader } from '../../components/ui/page.tsx';
import { visibleAudiences } from '../../features/education/materials/materials.rules.ts';
import { materialsByModule } from '../../features/education/materials/materials.server.ts';
import {
  type EducationFailure,
  handleForm,
  isResponse,
  requireProgrammeReader,
} from '../../features/education/programmes/education-route.server.ts';
import {
  addModule,
  loadCurriculum,
  moveModule,
  removeModule,
  updateCurriculum,
  updateModule,
} from '../../features/education/programmes/programmes.server.ts';
import { AppError } from '../../lib/errors.ts';
import type { MessageKey } from '../../lib/i18n/catalog.ts';
import { redirectWithFlash, run, services } from '../../lib/request.server.ts';
import type { Route } from './+types/education-programme';

export async function loader(args: Route.LoaderArgs) {
  return run(async () => {
    const { actor, locality, canManage } = await requireProgrammeReader(args);
    const db = services(args.context).db;
    const scope = { localityId: locality.localityId, curriculumId: args.params.curriculumId };
    const loaded = await loadCurriculum(db, scope);
    if (!loaded) throw new AppError('NOT_FOUND', 'errors.404.body');
    const served = await materialsByModule(db, {
      ...scope,
      audiences: visibleAudiences(locality.roles, actor.isPlatformAdmin),
    });
    return {
      locality: { slug: locality.slug, name: locality.name },
      canManage,
      curriculum: {
        id: loaded.curriculum.id,
        name: loaded.curriculum.name,
        description: loaded.curriculum.description,
        isLeadersProgramme: loaded.curriculum.isLeadersProgramme,
      },
      modules: loaded.modules.map((m) => ({ ...m, materials: served.filter((s) => s.moduleId === m.id) })),
      totalHours: loaded.totalHours,
      /** The module whose edit form is open (`?edit=<id>`, a plain link: no JavaScript needed). */
      editing: new URL(args.request.url).searchParams.get('edit') ?? '',
    };
  });
}

const FLASH: Record<string, MessageKey> = {
  update: 'education.programmes.updated',
  addModule: 'education.programmes.module.added',
  updateModule: 'education.programmes.module.updated',
  moveUp: 'education.programmes.module.moved',
  moveDown: 'education.programmes.module.moved',
  removeModule: 'education.programmes.module.removed',
};

export async function action(args: Route.ActionArgs) {
  const ctx = await run(() => requireProgrammeReader(args));
  const db = services(args.context).db;
  const form = await args.request.formData();
  const intent = String(form.get('intent') ?? '');
  const id = args.params.curriculumId;
  const moduleId = String(form.get('moduleId') ?? '');
  const result = await handleForm(form, async () => {
    if (intent === 'update') await updateCurriculum(db, ctx, id, form);
    else if (intent === 'addModule') await addModule(db, ctx, id, form);
    else if (intent === 'updateModule') await updateModule(db, ctx, id, moduleId, form);
    else if (intent === 'moveUp') await moveModule(db, ctx, id, moduleId, 'up');
    else if (intent === 'moveDown') await moveModule(db, ctx, id, moduleId, 'down');
    else if (intent === 'removeModule') await removeModule(db, ctx, id, moduleId);
    else throw new AppError('BAD_REQUEST', 'common.form.invalid');
    return true;
  });
  if (isResponse(result) || result !== true) return result;
  const anchor = intent === 'moveUp' || intent === 'moveDown' ? `#module-${moduleId}` : '';
  return redirectWithFlash(args.context, `/app/${ctx.locality.slug}/education/programmes/${id}${anchor}`, {
    kind: 'success',
    key: FLASH[intent] ?? 'education.programmes.updated',
  });
}

function ModuleFields({
  failed,
  values,
}: {
  failed: EducationFailure | null;
  values: { title: string; objectives: string; plannedHours: string };
}) {
  const { t } = useI18n();
  const v = failed ? failed.values : values;
  return (
    <>
      <TextField
        name="title"
        label={t('education.programmes.form.title.label')}
        required
        defaultValue={v.title}
        error={failed?.errors.title}
      />
      <TextArea
        name="objectives"
        label={t('education.programmes.form.objectives.label')}
        hint={t('education.programmes.form.objectives.hint')}
        defaultValue={v.objectives}
        error={failed?.errors.objectives}
        rows={3}
      />
      <TextField
        name="plannedHours"
        label={t('education.programmes.form.hours.label')}
        hint={t('education.programmes.form.hours.hint')}
        required
        inputMode="text"
        width="short"
        defaultValue={v.plannedHours}
        error={failed?.errors.plannedHours}
      />
    </>
  );
}

export default function EducationProgramme({ loaderData, actionData }: Route.ComponentProps) {
  const { t, number } = useI18n();
  const { locality, canManage, curriculum, modules, totalHours, editing } = loaderData;
  const failed = actionData && !actionData.ok ? actionData : null;
  const list = `/app/${locality.slug}/education/programmes`;
  const materialsBase = `/app/${locality.slug}/education/materials`;
  const hours = (h: number) => t('education.programmes.hours', { hours: h });
  const hoursInput = (h: number) => String(h).replace('.', ',');
  // One module form at a time, so field ids stay unique on the page.
  const isEditing = failed?.intent === 'updateModule' || (!failed && modules.some((m) => m.id === editing));
  return (
    <>
      <PageHeader
        title={curriculum.name}
        lead={curriculum.description || undefined}
        hasError={Boolean(failed)}
        breadcrumbs={
          <Breadcrumbs
            items={[
              { to: `/app/${locality.slug}`, label: locality.name },
              { to: list, label: t('education.programmes.list.title') },
              { label: curriculum.name },
            ]}
          />
        }
      />
      {curriculum.isLeadersProgramme ? <p>{t('education.programmes.leadersNote')}</p> : null}
      <p className="programme-total">
        {t('education.programmes.total', { count: modules.length })} {hours(totalHours)}
      </p>
      {failed && ['moveUp', 'moveDown', 'removeModule'].includes(failed.intent) ? (
        <ErrorSummary errors={failed.errors} />
      ) : null}
      {modules.length === 0 ? (
        <p>{t('education.programmes.modules.empty')}</p>
      ) : (
        <ol className="programme-modules">
          {modules.map((m, i) => {
            const editFailed =
              failed && failed.intent === 'updateModule' && failed.target === m.id ? failed : null;
            const open = Boolean(editFailed) || (!failed && editing === m.id);
            return (
              <li key={m.id} id={`module-${m.id}`} className="programme-module">
                <h2 className="programme-module__title">
                  {t('education.programmes.modules.heading', { position: number(i + 1), title: m.title })}
                </h2>
                <p className="programme-module__hours">{hours(m.plannedHours)}</p>
                {m.objectives ? (
                  <>
                    <h3>{t('education.programmes.modules.objectives')}</h3>
                    <p className="programme-module__objectives">{m.objectives}</p>
                  </>
                ) : null}
                <h3>{t('education.programmes.modules.materials')}</h3>
                {m.materials.length === 0 ? (
                  <p>{t('education.programmes.modules.noMaterials')}</p>
                ) : (
                  <ul>
                    {m.materials.map((mat) => (
                      <li key={mat.id}>
                        <Link to={`${materialsBase}/${mat.id}`}>{mat.title}</Link>
                      </li>
                    ))}
                  </ul>
                )}
                {canManage ? (
                  <div className="programme-module__actions">
                    <PostForm className="inline-form">
                      <input type="hidden" name="moduleId" value={m.id} />
                      <button
                        type="submit"
                        name="intent"
                        value="moveUp"
                        className="button button--secondary"
                        disabled={i === 0}
                        aria-label={t('education.programmes.modules.moveUpLabel', { title: m.title })}
                      >
                        {t('education.programmes.modules.moveUp')}
                      </button>
                      <button
                        type="submit"
                        name="intent"
                        value="moveDown"
                        className="button button--secondary"
                        disabled={i === modules.length - 1}
                        aria-label={t('education.programmes.modules.moveDownLabel', { title: m.title })}
                      >
                        {t('education.programmes.modules.moveDown')}
                      </button>
                      <button
                        type="submit"
                        name="intent"
                        value="removeModule"
                        className="button button--danger"
                        aria-label={t('education.programmes.modules.removeLabel', { title: m.title })}
                      >
                        {t('education.programmes.modules.remove')}
                      </button>
                    </PostForm>
                    {open ? (
                      <section aria-labelledby={`module-edit-${m.id}`}>
                        <h3 id={`module-edit-${m.id}`}>
                          {t('education.programmes.modules.edit', { title: m.title })}
                        </h3>
                        <ErrorSummary errors={editFailed?.errors} />
                        <PostForm className="stack" noValidate>
                          <input type="hidden" name="intent" value="updateModule" />
                          <input type="hidden" name="moduleId" value={m.id} />
                          <ModuleFields
                            failed={editFailed}
                            values={{
                              title: m.title,
                              objectives: m.objectives,
                              plannedHours: hoursInput(m.plannedHours),
                            }}
                          />
                          <button type="submit" className="button button--primary">
                            {t('education.programmes.modules.save')}
                          </button>
                        </PostForm>
                      </section>
                    ) : (
                      <Link to={`?edit=${m.id}#module-${m.id}`}>
                        {t('education.programmes.modules.edit', { title: m.title })}
                      </Link>
                    )}
                  </div>
                ) : null}
              </li>
            );
          })}
        </ol>
      )}
      {canManage && !isEditing ? (
        <>
          <section aria-labelledby="module-new" className="form-page">
            <h2 id="module-new">{t('education.programmes.modules.addTitle')}</h2>
            {failed?.intent === 'addModule' ? <ErrorSummary errors={failed.errors} /> : null}
            <PostForm className="stack" noValidate>
              <input type="hidden" name="intent" value="addModule" />
              <ModuleFields
                failed={failed?.intent === 'addModule' ? failed : null}
                values={{ title: '', objectives: '', plannedHours: '' }}
              />
              <button type="submit" className="button button--primary">
                {t('education.programmes.modules.add')}
              </button>
            </PostForm>
          </section>
          <section aria-labelledby="programme-edit" className="form-page">
            <h2 id="programme-edit">{t('education.programmes.edit.title')}</h2>
            {failed?.intent === 'update' ? <ErrorSummary errors={failed.errors} /> : null}
            <PostForm className="stack" noValidate>
              <input type="hidden" name="intent" value="update" />
              <TextField
                name="name"
                label={t('education.programmes.form.name.label')}
                required
                defaultValue={failed?.intent === 'update' ? failed.values.name : curriculum.name}
                error={failed?.intent === 'update' ? failed.errors.name : undefined}
              />
              <TextArea
                name="description"
                label={t('education.programmes.form.description.label')}
                defaultValue={
                  failed?.intent === 'update' ? failed.values.description : curriculum.description
                }
                error={failed?.intent === 'update' ? failed.errors.description : undefined}
                rows={3}
              />
              <button type="submit" className="button button--primary">
                {t('education.programmes.edit.submit')}
              </button>
            </PostForm>
          </section>
        </>
      ) : null}
    </>
  );
}
