import { useI18n } from '../../../components/ui/i18n-context.tsx';
import { PLAN_STEPS } from '../plans.rules.ts';

/** The plan's named steps in order, the current one marked (aria-current="step"), in words too. */
export function StepIndicator({ step }: { step: string }) {
  const { t } = useI18n();
  const current = PLAN_STEPS.indexOf(step as (typeof PLAN_STEPS)[number]);
  return (
    <ol className="plan-steps" aria-label={t('plans.steps.label')}>
      {PLAN_STEPS.map((s, i) => {
        const state = i < current ? 'passed' : i === current ? 'current' : 'ahead';
        return (
          <li
            key={s}
            className={`plan-steps__step plan-steps__step--${state}`}
            aria-current={state === 'current' ? 'step' : undefined}
          >
            <span className="plan-steps__number" aria-hidden="true">
              {i + 1}
            </span>
            <span className="plan-steps__name">{t(`plans.step.${s}`)}</span>
            <span className="visually-hidden"> ({t(`plans.steps.${state}`)})</span>
          </li>
        );
      })}
    </ol>
  );
}
