import { CartesianGrid, Line, LineChart, ReferenceLine, XAxis, YAxis } from 'recharts';
import { formatDay, formatPercent } from '../../../lib/format';
import type { SharePoint } from '../utils/effort-rows';
import { monthTicks } from '../../key-results/utils/chart-series';
import { shareTicks, type TrendAxes, type TrendChartModel } from '../utils/trend-model';

// docs/UI.md, "Charts": Okabe–Ito blue for the series, near-black dashed target, grey dotted pace.
const SERIES = '#0072B2';
const TARGET = '#111827';
const GUIDE = '#6B7280';
const TICK = { fill: '#4B5563', fontSize: 11 };

const day = (t: number) => formatDay(new Date(t).toISOString());
const reducedMotion = () =>
  typeof window !== 'undefined' &&
  (window.matchMedia?.('(prefers-reduced-motion: reduce)').matches || window.matchMedia?.('print').matches);

/**
 * One KR small multiple: % of target as a step line on the axes every KR
 * shares, the 100% target line, the expected-pace diagonal and today.
 * Loaded lazily with the rest of Recharts.
 */
export function TrendChart({ chart, axes }: { chart: TrendChartModel; axes: TrendAxes }) {
  return (
    <LineChart
      data={chart.points}
      responsive
      style={{ width: '100%', height: 150 }}
      margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
      title={`Trend of ${chart.title}`}
      desc={chart.sentence}
      accessibilityLayer={false}
    >
      <CartesianGrid vertical={false} stroke="#E5E7EB" />
      <XAxis
        dataKey="t"
        type="number"
        scale="time"
        domain={axes.xDomain}
        ticks={axes.xTicks}
        tickFormatter={day}
        stroke={GUIDE}
        tick={TICK}
      />
      <YAxis
        domain={axes.yDomain}
        ticks={axes.yTicks}
        allowDataOverflow
        tickFormatter={(v: number) => formatPercent(v)}
        stroke={GUIDE}
        tick={TICK}
        width={44}
      />
      <ReferenceLine
        y={1}
        stroke={TARGET}
        strokeDasharray="6 3"
        label={{ value: 'Target', position: 'insideTopLeft', fill: TARGET, fontSize: 11 }}
      />
      <ReferenceLine segment={chart.pace} stroke={GUIDE} strokeDasharray="2 4" strokeWidth={1.5} ifOverflow="hidden" />
      {axes.today !== null && (
        <ReferenceLine
          x={axes.today}
          stroke={GUIDE}
          label={{ value: 'Today', position: 'insideBottomRight', fill: '#4B5563', fontSize: 11 }}
        />
      )}
      <Line
        dataKey="progress"
        type="stepAfter"
        stroke={SERIES}
        strokeWidth={2}
        dot={false}
        isAnimationActive={!reducedMotion()}
      />
    </LineChart>
  );
}

/** The misaligned-effort share as it was recorded over the quarter (daily and at check-ins). */
export function MisalignedChart({
  points,
  xDomain,
  summary,
}: {
  points: SharePoint[];
  xDomain: [number, number];
  summary: string;
}) {
  const high = Math.max(0.25, ...points.map((p) => p.share));
  const top = Math.min(1, Math.ceil(high * 4) / 4);
  const xTicks = monthTicks(xDomain[0], xDomain[1]);
  return (
    <LineChart
      data={points}
      responsive
      style={{ width: '100%', height: 180 }}
      margin={{ top: 8, right: 16, bottom: 0, left: 0 }}
      title="Misaligned effort over the quarter"
      desc={summary}
      accessibilityLayer={false}
    >
      <CartesianGrid vertical={false} stroke="#E5E7EB" />
      <XAxis
        dataKey="t"
        type="number"
        scale="time"
        domain={xDomain}
        ticks={xTicks}
        tickFormatter={day}
        stroke={GUIDE}
        tick={TICK}
      />
      <YAxis
        domain={[0, top]}
        ticks={shareTicks([0, top])}
        tickFormatter={(v: number) => formatPercent(v)}
        stroke={GUIDE}
        tick={TICK}
        width={60}
        label={{
          value: 'Share of open effort',
          angle: -90,
          position: 'insideLeft',
          fill: '#374151',
          fontSize: 11,
          dy: 60,
          dx: -4,
        }}
      />
      <Line
        dataKey="share"
        type="stepAfter"
        stroke={SERIES}
        strokeWidth={2}
        dot={{ r: 2, fill: SERIES }}
        isAnimationActive={!reducedMotion()}
      />
    </LineChart>
  );
}
