import { Link } from 'react-router';
import { useI18n } from '../../../components/ui/i18n-context.tsx';
import type { MessageKey } from '../../../lib/i18n/catalog.ts';
import type { BoardCard } from '../initiatives.queries.server.ts';

/** One initiative on the board: name, intended form, founders, days in the stage, next checklist item. */
export function BoardCardView({ card, base, level = 3 }: { card: BoardCard; base: string; level?: 2 | 3 }) {
  const { t } = useI18n();
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <article className="initiative-card">
      <Heading className="initiative-card__name">
        <Link to={`${base}/${card.id}`}>{card.name}</Link>
      </Heading>
      <dl className="initiative-card__facts">
        <div>
          <dt>{t('initiatives.card.legalForm')}</dt>
          <dd>{t(`initiatives.legalForm.${card.intendedLegalForm}` as MessageKey)}</dd>
        </div>
        <div>
          <dt>{t('initiatives.card.foundersLabel')}</dt>
          <dd>{t('initiatives.card.founders', { count: card.founders })}</dd>
        </div>
        <div>
          <dt>{t('initiatives.card.daysLabel')}</dt>
          <dd>{t('initiatives.card.days', { count: card.daysInStage })}</dd>
        </div>
        {card.stage !== 'closed' ? (
          <div>
            <dt>{t('initiatives.card.nextLabel')}</dt>
            <dd>
              {card.nextItem
                ? t(`initiatives.checklist.${card.stage}.${card.nextItem}` as MessageKey)
                : t('initiatives.card.allDone')}
            </dd>
          </div>
        ) : null}
      </dl>
    </article>
  );
}
