import { errorText, RadioGroup, SelectField, TextArea, TextField } from '../../../components/ui/form.tsx';
import { useI18n } from '../../../components/ui/i18n-context.tsx';
import type { FieldErrors } from '../../../lib/forms.ts';
import { MATERIAL_KINDS, MATERIAL_LANGUAGES, MATERIAL_VISIBILITIES } from './materials.rules.ts';

export type ModuleOption = { id: string; title: string; curriculumId: string; curriculumName: string };

/** The material's description fields, shared by the new and edit forms. */
export function MaterialFields({
  values,
  errors,
  modules,
  selectedModules,
  showKind,
}: {
  values: Record<string, string>;
  errors?: FieldErrors | undefined;
  modules: ModuleOption[];
  selectedModules: string[];
  showKind: boolean;
}) {
  const { t } = useI18n();
  const groups = [...new Map(modules.map((m) => [m.curriculumId, m.curriculumName])).entries()];
  return (
    <>
      <TextField
        name="title"
        label={t('education.materials.form.title.label')}
        required
        defaultValue={values.title}
        error={errors?.title}
      />
      <TextArea
        name="description"
        label={t('education.materials.form.description.label')}
        defaultValue={values.description}
        error={errors?.description}
        rows={3}
      />
      {showKind ? (
        <RadioGroup
          name="kind"
          label={t('education.materials.form.kind.label')}
          hint={t('education.materials.form.kind.hint')}
          defaultValue={values.kind ?? 'document'}
          error={errors?.kind}
          options={MATERIAL_KINDS.map((k) => ({ value: k, label: t(`education.materials.kind.${k}`) }))}
        />
      ) : null}
      {showKind || values.kind === 'link' ? (
        <TextField
          name="url"
          type="url"
          label={t('education.materials.form.url.label')}
          hint={t('education.materials.form.url.hint')}
          defaultValue={values.url}
          error={errors?.url}
        />
      ) : null}
      <SelectField
        name="language"
        label={t('education.materials.form.language.label')}
        defaultValue={values.language ?? 'pl'}
        error={errors?.language}
        options={MATERIAL_LANGUAGES.map((l) => ({ value: l, label: t(`education.materials.language.${l}`) }))}
      />
      <TextField
        name="licence"
        label={t('education.materials.form.licence.label')}
        hint={t('education.materials.form.licence.hint')}
        defaultValue={values.licence}
        error={errors?.licence}
      />
      <RadioGroup
        name="visibility"
        label={t('education.materials.form.visibility.label')}
        defaultValue={values.visibility ?? 'staff'}
        error={errors?.visibility}
        options={MATERIAL_VISIBILITIES.map((v) => ({
          value: v,
          label: t(`education.materials.visibility.${v}Long`),
        }))}
      />
      {modules.length > 0 ? (
        <div className={errors?.modules ? 'field field--error' : 'field'}>
          <fieldset id="f-modules">
            <legend>{t('education.materials.form.modules.label')}</legend>
            {errors?.modules ? <p className="field-error">{errorText(t, errors.modules)}</p> : null}
            {groups.map(([cid, cname]) => (
              <div key={cid} className="material-modules">
                <p className="material-modules__programme">{cname}</p>
                <div className="checkboxes">
                  {modules
                    .filter((m) => m.curriculumId === cid)
                    .map((m) => (
                      <div className="checkbox" key={m.id}>
                        <input
                          type="checkbox"
                          id={`f-module-${m.id}`}
                          name="modules"
                          value={m.id}
                          defaultChecked={selectedModules.includes(m.id)}
                        />
                        <label htmlFor={`f-module-${m.id}`}>{m.title}</label>
                      </div>
                    ))}
                </div>
              </div>
            ))}
          </fieldset>
        </div>
      ) : null}
    </>
  );
}
