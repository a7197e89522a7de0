import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import { formatPercent } from '../../../lib/format';
import type { CalibrationBar } from '../utils/calibration-model';
import { formatShare } from '../utils/outcome-format';

const BAR_COLOUR = '#0072B2';

interface TickProps {
  x?: number | string;
  y?: number | string;
  index?: number;
  payload?: { value?: string };
}

/** Each bucket's label with its counts beneath ("2 of 5 moved", "no items"): zero-height bars still say how many. */
function BucketTick({ x, y, index, payload, bars }: TickProps & { bars: CalibrationBar[] }) {
  const bar = index === undefined ? undefined : bars[index];
  return (
    <g transform={`translate(${Number(x ?? 0)},${Number(y ?? 0)})`}>
      <text textAnchor="middle" fill="#4B5563" fontSize={12}>
        <tspan x={0} dy={12}>
          {payload?.value}
        </tspan>
        <tspan x={0} dy={16} fill="#374151">
          {bar ? (bar.count === 0 ? 'no items' : `${bar.hits} of ${bar.count} moved`) : ''}
        </tspan>
      </text>
    </g>
  );
}

/** Bars from zero: the share of each prediction bucket whose KR moved, "n of m" under each. Not animated. */
export function CalibrationChart({ bars, title, summary }: { bars: CalibrationBar[]; title: string; summary: string }) {
  const data = bars.map((b) => ({ ...b, percent: b.hitRate === null ? 0 : Math.round(b.hitRate * 100) }));
  return (
    <BarChart
      data={data}
      responsive
      style={{ width: '100%', height: 300 }}
      margin={{ top: 16, right: 16, bottom: 24, left: 8 }}
      title={title}
      desc={summary}
    >
      <CartesianGrid vertical={false} stroke="#E5E7EB" />
      <XAxis
        dataKey="label"
        stroke="#6B7280"
        interval={0}
        height={44}
        tick={(props: TickProps) => <BucketTick {...props} bars={bars} />}
        label={{
          value: 'Predicted impact × confidence',
          position: 'insideBottom',
          offset: -16,
          fill: '#374151',
          fontSize: 12,
        }}
      />
      <YAxis
        domain={[0, 100]}
        ticks={[0, 25, 50, 75, 100]}
        tickFormatter={(v: number) => `${v}%`}
        stroke="#6B7280"
        tick={{ fill: '#4B5563', fontSize: 12 }}
        width={64}
        label={{ value: 'Moved their KR', angle: -90, position: 'insideLeft', fill: '#374151', fontSize: 12, dy: 50 }}
      />
      <Bar dataKey="percent" name="Moved their KR" fill={BAR_COLOUR} isAnimationActive={false} maxBarSize={72} />
      <Tooltip
        cursor={{ fill: '#F3F4F6' }}
        content={(props) => {
          const bar = props.payload?.[0]?.payload as CalibrationBar | undefined;
          if (!props.active || !bar) return null;
          return (
            <div className="chart-tooltip">
              <strong>Predicted {bar.label}</strong>
              <div>
                {bar.count === 0
                  ? 'No items'
                  : `${bar.hits} of ${bar.count} moved their KR (${formatPercent(bar.hitRate)})`}
              </div>
              {bar.count > 0 && <div>Median credit {formatShare(bar.medianCredit)} of the range</div>}
            </div>
          );
        }}
      />
    </BarChart>
  );
}
