import type { OutcomeReportDto, OutcomeSummaryDto } from '@keyline/shared';
import { formatNumber } from '../../../lib/format';
import { HitRateBar } from './HitRateBar';
import { perPointText } from '../utils/outcome-format';

interface Row {
  key: string;
  name: string;
  summary: OutcomeSummaryDto;
}

function SummaryTable({ rows, caption, first }: { rows: Row[]; caption: string; first: string }) {
  return (
    <table className="outcome-table">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{first}</th>
          <th scope="col" className="num">
            Shipped
          </th>
          <th scope="col">Moved their KR</th>
          <th scope="col" className="num">
            Per effort point
          </th>
          <th scope="col" className="num">
            Spearman ρ (n)
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ key, name, summary: s }) => (
          <tr key={key}>
            <th scope="row">{name}</th>
            <td className="num">{formatNumber(s.shipped)}</td>
            <td>
              <HitRateBar summary={s} />
            </td>
            <td className="num">{perPointText(s.medianCreditPerPoint)}</td>
            <td className="num">
              {s.calibration.spearman === null ? '—' : s.calibration.spearman.toFixed(2).replace('-', '−')} (
              {formatNumber(s.calibration.sampleSize)})
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Per team for the quarter asked for, and per quarter for the team asked for: where the trend shows. */
export function TeamAndQuarterTables({
  report,
  teamName,
}: {
  report: OutcomeReportDto;
  teamName: (id: string | null) => string;
}) {
  const cycles = new Map(report.cycles.map((c) => [c.id, c.name]));
  const teamRows = report.byTeam.map((t) => ({
    key: t.teamId ?? 'none',
    name: teamName(t.teamId),
    summary: t.summary,
  }));
  const quarterRows = report.byCycle.map((c) => ({
    key: c.cycleId,
    name: cycles.get(c.cycleId) ?? '—',
    summary: c.summary,
  }));
  const scope = report.cycleId ? (cycles.get(report.cycleId) ?? 'this quarter') : 'every quarter';
  return (
    <>
      <section className="panel" aria-labelledby="oc-teams">
        <h2 id="oc-teams">By team</h2>
        <p className="meta">Items shipped in {scope}, by the team that did them.</p>
        {teamRows.length === 0 ? (
          <p>No linked item shipped in {scope}.</p>
        ) : (
          <div className="outcome-table-wrap">
            <SummaryTable rows={teamRows} caption={`Outcomes by team, ${scope}`} first="Team" />
          </div>
        )}
      </section>
      <section className="panel" aria-labelledby="oc-quarters">
        <h2 id="oc-quarters">By quarter</h2>
        <p className="meta">
          {report.teamId ? teamName(report.teamId) : 'Every team'}, this and past quarters: is the share going up?
        </p>
        {quarterRows.length === 0 ? (
          <p>No linked item shipped yet.</p>
        ) : (
          <div className="outcome-table-wrap">
            <SummaryTable rows={quarterRows} caption="Outcomes by quarter, oldest first" first="Quarter" />
          </div>
        )}
      </section>
    </>
  );
}
