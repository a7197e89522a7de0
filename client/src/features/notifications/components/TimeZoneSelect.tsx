import { useMemo } from 'react';
import { timeZones } from '../utils/labels';

/** A native select of IANA zones (keyboard and screen readers work as everywhere); `null` offers the default. */
export function TimeZoneSelect({
  id,
  value,
  onChange,
  defaultLabel,
}: {
  id: string;
  value: string | null;
  onChange: (zone: string | null) => void;
  /** When given, the first option stands for "no zone of my own". */
  defaultLabel?: string;
}) {
  const zones = useMemo(() => {
    const all = timeZones();
    return value && !all.includes(value) ? [value, ...all] : all;
  }, [value]);
  return (
    <select id={id} value={value ?? ''} onChange={(e) => onChange(e.target.value || null)}>
      {defaultLabel && <option value="">{defaultLabel}</option>}
      {zones.map((zone) => (
        <option key={zone} value={zone}>
          {zone.replace(/_/g, ' ')}
        </option>
      ))}
    </select>
  );
}
