import { useNavigate } from 'react-router';
import {
  CartesianGrid,
  ReferenceArea,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatCompact, formatNumber } from '../../../lib/format';
import { useMemo } from 'react';
import { FetchedBreakdown } from './ScoreBreakdown';
import {
  classifyQuadrant,
  formatPoints,
  logDomain,
  logTicks,
  QUADRANT_LABELS,
  QUADRANT_SINGULAR,
  roundScore,
  type MatrixPoint,
  type Medians,
} from '../utils/quadrants';

/** Okabe–Ito blue and vermilion (docs/UI.md, "Charts"); shape and fill carry the meaning too. */
export const ALIGNED_COLOUR = '#0072B2';
export const UNALIGNED_COLOUR = '#D55E00';
export const FLAG_COLOUR = '#374151';

interface ShapeProps {
  cx?: number;
  cy?: number;
  payload?: MatrixPoint;
}

/** Tagged: filled circle. No KR: hollow diamond. Flagged for anything else: an outer ring. */
export function PointMark({ cx, cy, payload }: ShapeProps) {
  if (cx === undefined || cy === undefined || !payload) return <g />;
  const otherFlags = payload.flags.some((f) => f !== 'UNALIGNED');
  return (
    <g className="matrix-point">
      {otherFlags && <circle cx={cx} cy={cy} r={9} fill="none" stroke={FLAG_COLOUR} strokeWidth={1.25} />}
      {payload.aligned ? (
        <circle cx={cx} cy={cy} r={5} fill={ALIGNED_COLOUR} stroke="#fff" strokeWidth={1} />
      ) : (
        <path
          d={`M${cx},${cy - 6.5} L${cx + 6.5},${cy} L${cx},${cy + 6.5} L${cx - 6.5},${cy} Z`}
          fill="#fff"
          stroke={UNALIGNED_COLOUR}
          strokeWidth={2}
        />
      )}
    </g>
  );
}

function PointTooltip({
  active,
  payload,
  medians,
}: {
  active?: boolean;
  payload?: readonly { payload?: MatrixPoint }[];
  medians: Medians;
}) {
  const point = payload?.[0]?.payload;
  if (!active || !point) return null;
  return (
    <div className="matrix-tooltip">
      <strong>{point.title}</strong>
      <div>
        Value {formatNumber(roundScore(point.valueScore))} · Effort {formatPoints(point.effort)}
      </div>
      <div>
        {QUADRANT_SINGULAR[classifyQuadrant(point, medians)]} ·{' '}
        {point.aligned ? 'Tagged to a key result' : 'No key result'}
      </div>
      {point.flags.length > 0 && (
        <div>Flags: {point.flags.map((f) => f.toLowerCase().replace(/_/g, ' ')).join(', ')}</div>
      )}
      <div className="matrix-tooltip-breakdown">
        <FetchedBreakdown itemId={point.id} />
      </div>
      <div className="meta">Click the point to open the item</div>
    </div>
  );
}

/** Value × effort of open items, split at the medians into named quadrants. Loaded lazily: Recharts is large. */
export function ValueEffortChart({
  points,
  medians,
  summary,
}: {
  points: readonly MatrixPoint[];
  medians: Medians;
  summary: string;
}) {
  const navigate = useNavigate();
  const chart = useMemo(() => {
    const x = logDomain(points.map((p) => p.effort));
    const y = logDomain(points.map((p) => p.valueScore));
    // A score of 0 has no place on a log axis: it sits on the floor, the tooltip keeps the real number.
    const plotted = points.map((p) => ({ ...p, plotValue: Math.max(p.valueScore, y[0]) }));
    return {
      x,
      y,
      xTicks: logTicks(x),
      yTicks: logTicks(y),
      medianValue: Math.max(medians.value, y[0]),
      aligned: plotted.filter((p) => p.aligned),
      unaligned: plotted.filter((p) => !p.aligned),
    };
  }, [points, medians.value]);
  const open = (entry: unknown) => {
    const id = (entry as { payload?: MatrixPoint } | undefined)?.payload?.id;
    if (id) void navigate(`/backlog/${id}`);
  };
  const quadrantLabel = (
    name: string,
    position: 'insideTopLeft' | 'insideTopRight' | 'insideBottomLeft' | 'insideBottomRight',
  ) => ({
    value: name,
    position,
    fill: '#374151',
    fontSize: 12,
    fontWeight: 600,
  });
  const { x, y } = chart;
  const mx = medians.effort;
  const my = chart.medianValue;
  return (
    <ResponsiveContainer width="100%" height={400}>
      <ScatterChart
        margin={{ top: 16, right: 24, bottom: 32, left: 16 }}
        title="Value against effort of open items"
        desc={summary}
      >
        <CartesianGrid vertical={false} stroke="#E5E7EB" />
        <XAxis
          type="number"
          dataKey="effort"
          name="Effort"
          scale="log"
          domain={x}
          ticks={chart.xTicks}
          allowDataOverflow
          tickFormatter={(v: number) => formatCompact(v)}
          label={{ value: 'Effort (pts, log scale)', position: 'insideBottom', offset: -16, fill: '#374151' }}
          stroke="#4B5563"
        />
        <YAxis
          type="number"
          dataKey="plotValue"
          name="Value score"
          scale="log"
          domain={y}
          ticks={chart.yTicks}
          allowDataOverflow
          tickFormatter={(v: number) => formatCompact(v)}
          label={{
            value: 'Value score (log scale)',
            angle: -90,
            position: 'insideLeft',
            fill: '#374151',
            style: { textAnchor: 'middle' },
          }}
          stroke="#4B5563"
          width={80}
        />
        <ReferenceArea
          x1={x[0]}
          x2={mx}
          y1={my}
          y2={y[1]}
          fillOpacity={0}
          label={quadrantLabel(QUADRANT_LABELS['quick-win'], 'insideTopLeft')}
        />
        <ReferenceArea
          x1={mx}
          x2={x[1]}
          y1={my}
          y2={y[1]}
          fillOpacity={0}
          label={quadrantLabel(QUADRANT_LABELS['big-bet'], 'insideTopRight')}
        />
        <ReferenceArea
          x1={x[0]}
          x2={mx}
          y1={y[0]}
          y2={my}
          fillOpacity={0}
          label={quadrantLabel(QUADRANT_LABELS['fill-in'], 'insideBottomLeft')}
        />
        <ReferenceArea
          x1={mx}
          x2={x[1]}
          y1={y[0]}
          y2={my}
          fillOpacity={0}
          label={quadrantLabel(QUADRANT_LABELS['time-sink'], 'insideBottomRight')}
        />
        <ReferenceLine x={mx} stroke="#6B7280" strokeDasharray="2 4" />
        <ReferenceLine y={my} stroke="#6B7280" strokeDasharray="2 4" />
        <Tooltip
          content={<PointTooltip medians={medians} />}
          cursor={{ strokeDasharray: '3 3' }}
          isAnimationActive={false}
        />
        <Scatter
          name="Tagged to a key result"
          data={chart.aligned}
          shape={PointMark}
          onClick={open}
          cursor="pointer"
          isAnimationActive={false}
        />
        <Scatter
          name="No key result"
          data={chart.unaligned}
          shape={PointMark}
          onClick={open}
          cursor="pointer"
          isAnimationActive={false}
        />
      </ScatterChart>
    </ResponsiveContainer>
  );
}
