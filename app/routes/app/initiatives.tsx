import { Link } from 'react-router';
import { useI18n } from '../../components/ui/i18n-context.tsx';
import { Breadcrumbs, PageHeader } from '../../components/ui/page.tsx';
import { BoardCardView } from '../../features/initiatives/components/board-card.tsx';
import { requireInitiativeReader } from '../../features/initiatives/initiative-route.server.ts';
import { initiativeBoard } from '../../features/initiatives/initiatives.queries.server.ts';
import type { MessageKey } from '../../lib/i18n/catalog.ts';
import { todayInWarsaw } from '../../lib/i18n/i18n.ts';
import { run, services } from '../../lib/request.server.ts';
import type { Route } from './+types/initiatives';

export async function loader(args: Route.LoaderArgs) {
  return run(async () => {
    const { locality } = await requireInitiativeReader(args);
    const board = await initiativeBoard(services(args.context).db, {
      localityId: locality.localityId,
      today: todayInWarsaw(),
    });
    return { locality: { slug: locality.slug, name: locality.name }, ...board };
  });
}

/** The pipeline board: one section per stage, each a list of cards under its heading. */
export default function InitiativesBoard({ loaderData }: Route.ComponentProps) {
  const { t } = useI18n();
  const { locality, stages, closed } = loaderData;
  const base = `/app/${locality.slug}/initiatives`;
  return (
    <>
      <PageHeader
        title={t('initiatives.board.title')}
        lead={t('initiatives.board.lead')}
        breadcrumbs={
          <Breadcrumbs
            items={[
              { to: `/app/${locality.slug}`, label: locality.name },
              { label: t('initiatives.board.title') },
            ]}
          />
        }
        actions={
          <Link to={`${base}/new`} className="button button--primary">
            {t('initiatives.board.new')}
          </Link>
        }
      />
      <div className="initiative-board">
        {stages.map((s) => (
          <section key={s.stage} className="initiative-board__stage" aria-labelledby={`stage-${s.stage}`}>
            <h2 id={`stage-${s.stage}`}>
              {t(`initiatives.stage.${s.stage}` as MessageKey)}{' '}
              <span className="initiative-board__count">
                {t('initiatives.board.count', { count: s.total })}
              </span>
            </h2>
            {s.cards.length === 0 ? (
              <p className="hint">{t('initiatives.board.empty')}</p>
            ) : (
              <ul className="initiative-board__cards">
                {s.cards.map((c) => (
                  <li key={c.id}>
                    <BoardCardView card={c} base={base} />
                  </li>
                ))}
              </ul>
            )}
            {s.total > s.cards.length ? (
              <p>
                <Link to={`${base}/stage/${s.stage}`}>
                  {t('initiatives.board.showAll', { count: s.total })}
                </Link>
              </p>
            ) : null}
          </section>
        ))}
      </div>
      <p>
        <Link to={`${base}/stage/closed`}>{t('initiatives.board.closed', { count: closed })}</Link>
      </p>
    </>
  );
}
