import { SelectField, TextArea, TextField } from '../../../components/ui/form.tsx';
import { useI18n } from '../../../components/ui/i18n-context.tsx';
import type { FieldErrors } from '../../../lib/forms.ts';
import type { MessageKey } from '../../../lib/i18n/catalog.ts';
import { COMPETITION_LEVELS, NICHE_STATUSES, SCORE_MAX, SCORE_MIN } from '../niches.rules.ts';

const SCORES = Array.from({ length: SCORE_MAX - SCORE_MIN + 1 }, (_, i) => String(SCORE_MIN + i));

/** The niche's fields and one 1–5 select per criterion of the locality. */
export function NicheFields({
  values,
  errors,
  criteria,
}: {
  values: Record<string, string | undefined>;
  errors: FieldErrors;
  criteria: { key: string; name: string; weight: number }[];
}) {
  const { t, number } = useI18n();
  return (
    <>
      <fieldset className="field-group">
        <legend>{t('financing.niche.section.niche')}</legend>
        <TextField
          name="name"
          label={t('financing.niche.name.label')}
          defaultValue={values.name}
          error={errors.name}
          required
        />
        <TextField
          name="sector"
          label={t('financing.niche.sector.label')}
          hint={t('financing.niche.sector.hint')}
          defaultValue={values.sector}
          error={errors.sector}
          required
          width="medium"
        />
        <TextArea
          name="description"
          rows={3}
          label={t('financing.niche.description.label')}
          defaultValue={values.description}
          error={errors.description}
        />
        <TextField
          name="estimatedDemandPln"
          label={t('financing.niche.demand.label')}
          hint={t('financing.form.amount.hint')}
          defaultValue={values.estimatedDemandPln}
          error={errors.estimatedDemandPln}
          inputMode="text"
          width="short"
        />
        <SelectField
          name="competition"
          label={t('financing.niche.competition.label')}
          options={COMPETITION_LEVELS.map((c) => ({
            value: c,
            label: t(`financing.competition.${c}` as MessageKey),
          }))}
          defaultValue={values.competition ?? 'medium'}
          error={errors.competition}
          required
        />
        <SelectField
          name="status"
          label={t('financing.niche.status.label')}
          options={NICHE_STATUSES.map((s) => ({
            value: s,
            label: t(`financing.niche.status.${s}` as MessageKey),
          }))}
          defaultValue={values.status ?? 'identified'}
          error={errors.status}
          required
        />
      </fieldset>
      <fieldset className="field-group">
        <legend>{t('financing.niche.section.scores')}</legend>
        <p className="hint">{t('financing.niche.scores.hint')}</p>
        {criteria.map((c) => (
          <SelectField
            key={c.key}
            name={`score_${c.key}`}
            label={t('financing.niche.scores.criterion', { name: c.name, weight: number(c.weight) })}
            emptyLabel={t('financing.niche.scores.none')}
            options={SCORES.map((s) => ({ value: s, label: t(`financing.score.${s}` as MessageKey) }))}
            defaultValue={values[`score_${c.key}`]}
            error={errors[`score_${c.key}`]}
          />
        ))}
      </fieldset>
    </>
  );
}
