import { Column, PrimaryColumn, type ValueTransformer } from 'typeorm';

/*
 * Column helpers with explicit, portable types. Every column names its type:
 * tsx emits no decorator metadata, and the same entities must map onto both
 * SQLite and PostgreSQL. Timestamps are ISO-8601 UTC strings (they sort
 * correctly as text) because the two databases share no timestamp type.
 */

export const IdColumn = () => PrimaryColumn({ type: 'varchar', length: 36 });
export const RefColumn = (nullable = false) => Column({ type: 'varchar', length: 36, nullable });
export const TextColumn = (length: number, nullable = false) => Column({ type: 'varchar', length, nullable });
export const LongTextColumn = () => Column({ type: 'text' });
export const IntColumn = (nullable = false) => Column({ type: 'integer', nullable });
export const NumberColumn = (nullable = false) => Column({ type: 'double precision', nullable });
export const BoolColumn = () => Column({ type: 'boolean', default: false });
export const TimestampColumn = (nullable = false) => Column({ type: 'varchar', length: 24, nullable });

const json: ValueTransformer = {
  to: (value: unknown) => (value === undefined ? undefined : value === null ? null : JSON.stringify(value)),
  from: (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : (value ?? null)),
};
/** JSON kept as text: identical on both databases. */
export const JsonColumn = (nullable = false) => Column({ type: 'text', nullable, transformer: json });

export function nowIso(): string {
  return new Date().toISOString();
}
