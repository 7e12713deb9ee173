import { errorText, PostForm } from '../../../components/ui/form.tsx';
import { useI18n } from '../../../components/ui/i18n-context.tsx';
import type { FieldErrors } from '../../../lib/forms.ts';
import type { MessageKey } from '../../../lib/i18n/catalog.ts';
import { CHECKLIST, type Stage } from '../initiative-stages.rules.ts';
import type { InitiativeDetail } from '../initiatives.queries.server.ts';

/** The current stage's checklist: each item done (with its date) or to do, ticked with a date. */
export function ChecklistSection({
  stage,
  checklist,
  canManage,
  failed,
  today,
}: {
  stage: Stage;
  checklist: InitiativeDetail['checklist'];
  canManage: boolean;
  failed: { intent: string; errors: FieldErrors; values: Record<string, string> } | null;
  today: string;
}) {
  const { t, date } = useI18n();
  const stageName = t(`initiatives.stage.${stage}` as MessageKey);
  return (
    <section aria-labelledby="checklist-title" className="stack">
      <h2 id="checklist-title">{t('initiatives.checklist.title', { stage: stageName })}</h2>
      <ul className="initiative-checklist">
        {CHECKLIST[stage].map((item) => {
          const done = checklist.find((c) => c.stage === stage && c.item === item);
          const label = t(`initiatives.checklist.${stage}.${item}` as MessageKey);
          const itemFailed = failed?.intent === 'tick' && failed.values.item === item ? failed : null;
          const id = `tick-${item}`;
          return (
            <li
              key={item}
              className={done ? 'initiative-checklist__item is-done' : 'initiative-checklist__item'}
            >
              <p>
                <strong>{label}</strong>
                {' – '}
                {done
                  ? t('initiatives.checklist.done', { date: date(done.doneOn), who: done.by ?? '—' })
                  : t('initiatives.checklist.notDone')}
                {done?.note ? ` (${done.note})` : null}
              </p>
              {canManage && !done ? (
                <PostForm className="initiative-checklist__form">
                  <input type="hidden" name="intent" value="tick" />
                  <input type="hidden" name="item" value={item} />
                  <div className={itemFailed?.errors.doneOn ? 'field field--error' : 'field'}>
                    <label htmlFor={`${id}-doneOn`}>
                      {t('initiatives.checklist.doneOn', { item: label })}
                    </label>
                    {itemFailed?.errors.doneOn ? (
                      <p className="field-error" id={`${id}-error`}>
                        {errorText(t, itemFailed.errors.doneOn)}
                      </p>
                    ) : null}
                    <input
                      id={`${id}-doneOn`}
                      name="doneOn"
                      className="input input--short"
                      inputMode="numeric"
                      defaultValue={itemFailed?.values.doneOn ?? today}
                      aria-invalid={itemFailed?.errors.doneOn ? true : undefined}
                      aria-describedby={itemFailed?.errors.doneOn ? `${id}-error` : undefined}
                    />
                  </div>
                  <button type="submit" className="button button--secondary button--small">
                    {t('initiatives.checklist.tick', { item: label })}
                  </button>
                </PostForm>
              ) : null}
              {canManage && done ? (
                <PostForm className="initiative-checklist__form">
                  <input type="hidden" name="intent" value="untick" />
                  <input type="hidden" name="item" value={item} />
                  <button type="submit" className="button button--secondary button--small">
                    {t('initiatives.checklist.untick', { item: label })}
                  </button>
                </PostForm>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
