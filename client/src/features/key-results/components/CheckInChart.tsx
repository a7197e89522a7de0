import { CartesianGrid, Line, LineChart, ReferenceArea, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { KeyResult } from '@keyline/shared';
import { formatCompact, formatDateTime, formatDay, formatMetric } from '../../../lib/format';
import type { ChartModel, ChartPoint, ShippedMarker } from '../utils/chart-series';
import { BAND_LABEL, confidenceBand } from '../utils/confidence';

// Okabe–Ito (docs/UI.md, "Charts"): distinguishable under colour-blindness, each ≥3:1 on white.
const VALUE_COLOUR = '#0072B2';
const CONFIDENCE_COLOUR = '#D55E00';
const TARGET_COLOUR = '#111827';
const PACE_COLOUR = '#6B7280';
/** Okabe–Ito reddish purple (3.06:1): shipped items, apart from value, confidence, target and pace. */
export const SHIPPED_COLOUR = '#CC79A7';

const OUTCOME_WORD = {
  moved: 'KR moved after it',
  'not-moved': 'KR did not move beyond its pace',
  waiting: 'no check-in since',
};

/**
 * The check-in history drawn from a model built (and tested) elsewhere:
 * value as a step line against target and pace, confidence on a right axis,
 * linked items marked where they shipped with the outcome window shaded.
 * Loaded lazily: Recharts is most of this screen's weight.
 *
 * Not animated: Recharts reveals a line by growing its dash pattern, and a
 * reveal cut short (a refetch mid-animation, a print, a screenshot) left the
 * lines stopping at an early check-in while the dots went on.
 */
export function CheckInChart({
  model,
  keyResult: kr,
  title,
  summary,
}: {
  model: ChartModel;
  keyResult: KeyResult;
  title: string;
  summary: string;
}) {
  const fmt = (v: number) => formatMetric(v, kr.unit, kr.metricType);
  return (
    <LineChart
      data={model.points}
      responsive
      style={{ width: '100%', height: 320 }}
      margin={{ top: 16, right: 8, bottom: 8, left: 8 }}
      title={title}
      desc={summary}
    >
      <CartesianGrid vertical={false} stroke="#E5E7EB" />
      {model.shipped.map((m) => (
        <ReferenceArea
          key={`w-${m.itemId}`}
          yAxisId="value"
          x1={m.t}
          x2={m.windowEnd}
          fill={SHIPPED_COLOUR}
          fillOpacity={0.1}
          stroke="none"
          ifOverflow="hidden"
        />
      ))}
      {model.shipped.map((m) => (
        <ReferenceLine
          key={`s-${m.itemId}`}
          yAxisId="value"
          x={m.t}
          stroke={SHIPPED_COLOUR}
          strokeWidth={1.5}
          label={(props: { viewBox?: { x?: number; y?: number } }) => (
            <ShippedFlag marker={m} viewBox={props.viewBox} />
          )}
        />
      ))}
      <XAxis
        dataKey="t"
        type="number"
        scale="time"
        domain={model.xDomain}
        ticks={model.xTicks}
        tickFormatter={(t: number) => formatDay(new Date(t).toISOString())}
        stroke="#6B7280"
        tick={{ fill: '#4B5563', fontSize: 12 }}
      />
      <YAxis
        yAxisId="value"
        domain={model.yDomain}
        tickFormatter={(v: number) => formatCompact(v)}
        stroke="#6B7280"
        tick={{ fill: '#4B5563', fontSize: 12 }}
        width={56}
        label={{
          value: kr.unit ? `Value (${kr.unit})` : 'Value',
          angle: -90,
          position: 'insideLeft',
          fill: '#374151',
          fontSize: 12,
          dy: 40,
        }}
      />
      <YAxis
        yAxisId="confidence"
        orientation="right"
        domain={[0, 10]}
        ticks={[0, 2, 4, 6, 8, 10]}
        allowDecimals={false}
        stroke="#6B7280"
        tick={{ fill: '#4B5563', fontSize: 12 }}
        width={56}
        label={{ value: 'Confidence', angle: 90, position: 'insideRight', fill: '#374151', fontSize: 12, dy: -30 }}
      />
      <ReferenceLine
        yAxisId="value"
        y={model.target}
        stroke={TARGET_COLOUR}
        strokeDasharray="6 3"
        label={{ value: `Target ${fmt(model.target)}`, position: 'insideTopLeft', fill: TARGET_COLOUR, fontSize: 12 }}
      />
      <ReferenceLine
        yAxisId="value"
        segment={model.pace}
        stroke={PACE_COLOUR}
        strokeDasharray="2 4"
        strokeWidth={1.5}
        // Label the end of the pace line: top right when the KR rises, bottom right when it falls.
        label={{
          value: 'Pace',
          position: kr.targetValue > kr.startValue ? 'insideTopRight' : 'insideBottomRight',
          fill: '#4B5563',
          fontSize: 12,
        }}
      />
      {model.today !== null && (
        <ReferenceLine
          yAxisId="value"
          x={model.today}
          stroke={PACE_COLOUR}
          label={{ value: 'Today', position: 'insideTopRight', fill: '#4B5563', fontSize: 12 }}
        />
      )}
      <Line
        yAxisId="confidence"
        dataKey="confidence"
        name="Confidence"
        type="stepAfter"
        stroke={CONFIDENCE_COLOUR}
        strokeWidth={1.5}
        strokeDasharray="5 3"
        dot={ConfidenceDot}
        activeDot={false}
        isAnimationActive={false}
      />
      <Line
        yAxisId="value"
        dataKey="value"
        name="Value"
        type="stepAfter"
        stroke={VALUE_COLOUR}
        strokeWidth={2.5}
        dot={ValueDot}
        isAnimationActive={false}
      />
      <Tooltip
        content={(props) => (
          <PointTooltip
            active={props.active}
            point={props.payload?.[0]?.payload as ChartPoint | undefined}
            keyResult={kr}
          />
        )}
      />
    </LineChart>
  );
}

/** A diamond at the top of the shipped line: filled when the KR moved after it, hollow otherwise; its title names the item. */
function ShippedFlag({ marker: m, viewBox }: { marker: ShippedMarker; viewBox?: { x?: number; y?: number } }) {
  const x = viewBox?.x;
  const y = viewBox?.y;
  if (x === undefined || y === undefined) return null;
  const when = formatDay(new Date(m.t).toISOString());
  const outcome = `${OUTCOME_WORD[m.state]}${m.provisional ? ' (provisional)' : ''}`;
  return (
    <g className="shipped-marker" data-item-id={m.itemId}>
      <title>{`Shipped ${when}: ${m.title} (${outcome})`}</title>
      <path
        d={`M ${x} ${y} l 6 6 l -6 6 l -6 -6 z`}
        fill={m.state === 'moved' ? SHIPPED_COLOUR : '#fff'}
        stroke={SHIPPED_COLOUR}
        strokeWidth={2}
      />
    </g>
  );
}

interface DotProps {
  cx?: number;
  cy?: number;
  payload?: ChartPoint;
  index?: number;
}

/** Check-ins as circles, larger when they carry a note (okr-tracker); the start hollow; the carried end none. */
function ValueDot({ cx, cy, payload, index }: DotProps) {
  if (cx === undefined || cy === undefined || !payload || payload.kind === 'carried') return <g key={`v-${index}`} />;
  if (payload.kind === 'start')
    return <circle key={`v-${index}`} cx={cx} cy={cy} r={4} fill="#fff" stroke={VALUE_COLOUR} strokeWidth={2} />;
  return (
    <circle
      key={`v-${index}`}
      className="check-in-dot"
      cx={cx}
      cy={cy}
      r={payload.note ? 6 : 4}
      fill={VALUE_COLOUR}
      stroke="#fff"
      strokeWidth={1.5}
    />
  );
}

/** Confidence marks are squares, so the two series differ in shape, not only colour. */
function ConfidenceDot({ cx, cy, payload, index }: DotProps) {
  if (cx === undefined || cy === undefined || !payload || payload.kind !== 'check-in' || payload.confidence === null)
    return <g key={`c-${index}`} />;
  return (
    <rect
      key={`c-${index}`}
      x={cx - 3.5}
      y={cy - 3.5}
      width={7}
      height={7}
      fill={CONFIDENCE_COLOUR}
      stroke="#fff"
      strokeWidth={1}
    />
  );
}

function PointTooltip({
  active,
  point,
  keyResult: kr,
}: {
  active: boolean | undefined;
  point: ChartPoint | undefined;
  keyResult: KeyResult;
}) {
  if (!active || !point) return null;
  const what =
    point.kind === 'start'
      ? 'Start'
      : point.kind === 'carried'
        ? 'Today (last value)'
        : formatDateTime(new Date(point.t).toISOString());
  return (
    <div className="chart-tooltip">
      <strong>{what}</strong>
      <div>{formatMetric(point.value, kr.unit, kr.metricType, { full: true })}</div>
      {point.confidence !== null && (
        <div>
          Confidence {point.confidence}/10 ({BAND_LABEL[confidenceBand(point.confidence)]})
        </div>
      )}
      {point.note && <div className="chart-tooltip-note">“{point.note}”</div>}
    </div>
  );
}
