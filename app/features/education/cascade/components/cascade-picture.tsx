import { useI18n } from '../../../../components/ui/i18n-context.tsx';
import { fitLabel, layoutGenerations, layoutPeople, type PictureLeader, ROOT_ID } from '../cascade.layout.ts';
import type { GenerationFigures } from '../cascade.rules.ts';

/** Dash patterns per generation, so generations differ by line style and text, not colour alone. */
const DASH = ['', '6 3', '2 3', '8 3 2 3', '1 2'];

/**
 * The cascade as an accessible picture: role="img" with a title and a description (the same
 * figures are in the tables below), text labels in every box.
 */
export function CascadePicture({
  leaders,
  generations,
  aggregated,
}: {
  leaders: (PictureLeader & { reachedTotal: number })[];
  generations: GenerationFigures[];
  aggregated: boolean;
}) {
  const { t, number, percent } = useI18n();
  const picture = aggregated
    ? layoutGenerations(generations.map((g) => g.generation))
    : layoutPeople(leaders);
  const byId = new Map(leaders.map((l) => [l.id, l]));
  const gen = new Map(generations.map((g) => [g.generation, g]));
  const desc = aggregated
    ? t('education.cascade.picture.descGenerations', {
        generations: generations.length,
        leaders: generations.reduce((s, g) => s + g.leaders, 0),
      })
    : t('education.cascade.picture.descPeople', { generations: generations.length, leaders: leaders.length });
  return (
    <figure className="cascade-picture">
      <div className="cascade-picture__scroll">
        <svg
          role="img"
          aria-labelledby="cascade-svg-title cascade-svg-desc"
          viewBox={`0 0 ${picture.width} ${picture.height}`}
          width={picture.width}
          height={picture.height}
          className="cascade-picture__svg"
        >
          <title id="cascade-svg-title">{t('education.cascade.picture.title')}</title>
          <desc id="cascade-svg-desc">{desc}</desc>
          <defs>
            <marker
              id="cascade-arrow"
              viewBox="0 0 10 10"
              refX="9"
              refY="5"
              markerWidth="7"
              markerHeight="7"
              orient="auto"
            >
              <path d="M0 0 L10 5 L0 10 z" className="cascade-picture__arrow" />
            </marker>
          </defs>
          {picture.edges.map((e) => (
            <line
              key={`${e.from}-${e.to}`}
              x1={e.x1}
              y1={e.y1}
              x2={e.x2}
              y2={e.y2 - 2}
              className="cascade-picture__edge"
              markerEnd="url(#cascade-arrow)"
            />
          ))}
          {picture.nodes.map((n) => {
            const lines: string[] =
              n.id === ROOT_ID
                ? [t('education.cascade.picture.centre'), t('education.cascade.picture.trainers')]
                : aggregated
                  ? [
                      t('education.cascade.generation', { generation: n.generation }),
                      t('education.cascade.picture.generationFigures', {
                        leaders: gen.get(n.generation)?.leaders ?? 0,
                        groups: gen.get(n.generation)?.groups ?? 0,
                        reached: gen.get(n.generation)?.reached ?? 0,
                        fidelity: percent(gen.get(n.generation)?.fidelity ?? 0),
                      }),
                    ]
                  : [
                      fitLabel(byId.get(n.id)?.name ?? ''),
                      t('education.cascade.picture.leaderFigures', {
                        generation: n.generation,
                        reached: number(byId.get(n.id)?.reachedTotal ?? 0),
                      }),
                    ];
            return (
              <g
                key={n.id}
                className={`cascade-picture__node cascade-picture__node--g${Math.min(n.generation, 5)}`}
              >
                <rect
                  x={n.x}
                  y={n.y}
                  width={n.w}
                  height={n.h}
                  rx={6}
                  strokeDasharray={DASH[Math.max(0, n.generation - 1) % DASH.length] || undefined}
                />
                <text x={n.x + n.w / 2} y={n.y + 20} textAnchor="middle" className="cascade-picture__name">
                  {lines[0]}
                </text>
                <text x={n.x + n.w / 2} y={n.y + 38} textAnchor="middle" className="cascade-picture__figures">
                  {lines[1]}
                </text>
              </g>
            );
          })}
        </svg>
      </div>
      <figcaption>
        {aggregated
          ? t('education.cascade.picture.captionAggregated')
          : t('education.cascade.picture.caption')}
      </figcaption>
    </figure>
  );
}
