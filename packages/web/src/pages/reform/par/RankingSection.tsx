import type { ParRankingResponse } from '@motcua/core';
import { QueryStatus } from '../../../components/QueryStatus.tsx';
import { StackTable } from '../../../components/StackTable.tsx';
import { useI18n } from '../../../i18n/index.tsx';
import { formatPoints, useRanking } from './api.ts';

/** The year's ranking by final score, as the server ranked it (equal scores share a rank). */
export function RankingSection({ frameworkId }: { frameworkId: string }) {
  const { t } = useI18n();
  const p = t.par;
  const ranking = useRanking(frameworkId);
  const d = ranking.data;
  return (
    <section aria-labelledby="par-ranking">
      <h2 id="par-ranking">{p.ranking}</h2>
      <QueryStatus query={ranking} />
      {d && d.agencies.length === 0 && d.units.length === 0 ? <p>{p.noRanking}</p> : null}
      {d && d.agencies.length > 0 ? <RankTable caption={p.rankAgencies} lines={d.agencies} /> : null}
      {d && d.units.length > 0 ? <RankTable caption={p.rankUnits} lines={d.units} /> : null}
    </section>
  );
}

function RankTable({ caption, lines }: { caption: string; lines: ParRankingResponse['agencies'] }) {
  const { t, locale } = useI18n();
  const p = t.par;
  return (
    <StackTable caption={caption} columns={[p.colRank, p.colName, p.colSelf, p.colFinal]}>
      {lines.map((l) => (
        <tr key={l.assessmentId}>
          <td data-label={p.colRank}>{l.rank}</td>
          <td data-label={p.colName}>{l.name}</td>
          <td data-label={p.colSelf}>{formatPoints(l.self, locale)}</td>
          <td data-label={p.colFinal}>
            <strong>{formatPoints(l.final, locale)}</strong>
          </td>
        </tr>
      ))}
    </StackTable>
  );
}
