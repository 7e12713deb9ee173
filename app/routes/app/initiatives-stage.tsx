import { Link } from 'react-router';
import { useI18n } from '../../components/ui/i18n-context.tsx';
import { Breadcrumbs, PageHeader } from '../../components/ui/page.tsx';
import { Pagination } from '../../components/ui/pagination.tsx';
import { BoardCardView } from '../../features/initiatives/components/board-card.tsx';
import { requireInitiativeReader } from '../../features/initiatives/initiative-route.server.ts';
import { isAnyStage } from '../../features/initiatives/initiative-stages.rules.ts';
import { initiativesInStage } from '../../features/initiatives/initiatives.queries.server.ts';
import { AppError } from '../../lib/errors.ts';
import type { MessageKey } from '../../lib/i18n/catalog.ts';
import { todayInWarsaw } from '../../lib/i18n/i18n.ts';
import { parsePage } from '../../lib/pagination.ts';
import { run, services } from '../../lib/request.server.ts';
import type { Route } from './+types/initiatives-stage';

export async function loader(args: Route.LoaderArgs) {
  return run(async () => {
    const { locality } = await requireInitiativeReader(args);
    const stage = args.params.stage;
    if (!isAnyStage(stage)) throw new AppError('NOT_FOUND', 'errors.404.body');
    const page = parsePage(new URL(args.request.url));
    const result = await initiativesInStage(services(args.context).db, {
      localityId: locality.localityId,
      stage,
      today: todayInWarsaw(),
      offset: page.offset,
      limit: page.pageSize,
    });
    return {
      locality: { slug: locality.slug, name: locality.name },
      stage,
      rows: result.rows,
      page: { page: page.page, pageSize: page.pageSize, total: result.total },
    };
  });
}

/** All initiatives of one stage (or the closed ones), newest in the stage first, page by page. */
export default function InitiativesStage({ loaderData }: Route.ComponentProps) {
  const { t } = useI18n();
  const { locality, stage, rows, page } = loaderData;
  const base = `/app/${locality.slug}/initiatives`;
  const stageName = t(`initiatives.stage.${stage}` as MessageKey);
  return (
    <>
      <PageHeader
        title={t('initiatives.list.title', { stage: stageName })}
        lead={t('initiatives.board.count', { count: page.total })}
        breadcrumbs={
          <Breadcrumbs
            items={[
              { to: `/app/${locality.slug}`, label: locality.name },
              { to: base, label: t('initiatives.board.title') },
              { label: stageName },
            ]}
          />
        }
      />
      {rows.length === 0 ? (
        <p>{t('initiatives.board.empty')}</p>
      ) : (
        <ul className="initiative-board__cards initiative-board__cards--list">
          {rows.map((c) => (
            <li key={c.id}>
              <BoardCardView card={c} base={base} level={2} />
            </li>
          ))}
        </ul>
      )}
      <Pagination info={page} />
      <p>
        <Link to={base}>{t('initiatives.list.back')}</Link>
      </p>
    </>
  );
}
