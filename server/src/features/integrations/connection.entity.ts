import { Entity } from 'typeorm';
import type { ConnectionKind, JiraFieldMap } from '@keyline/shared';
import { BoolColumn, IdColumn, IntColumn, JsonColumn, TextColumn, TimestampColumn } from '../../db/columns';

/** What a connection of each kind reads; its token lives apart, in `integration_secrets`. */
export type ConnectionConfig =
  | { kind: 'jira'; email: string; jql: string; fieldMap: JiraFieldMap; includeSubtasks: boolean }
  | { kind: 'github'; repo: string; labelsFilter: string[]; pointsLabelPrefix: string | null };

/** A connection to one tracker query (a Jira JQL, a GitHub repository). */
@Entity('integration_connections')
export class ConnectionEntity {
  @IdColumn() id: string;
  @TextColumn(10) kind: ConnectionKind;
  @TextColumn(100) name: string;
  @TextColumn(500) baseUrl: string;
  @JsonColumn() config: ConnectionConfig;
  @BoolColumn() writeBack: boolean;
  @IntColumn() syncIntervalMinutes: number;
  /** active | paused | auth-failed; "needs-token" is read from the secrets table. */
  @TextColumn(20) state: 'active' | 'paused' | 'auth-failed';
  @TextColumn(1000, true) stateMessage: string | null;
  /** High-water mark: the latest `updated` time seen by a good run (the tracker's clock). */
  @TimestampColumn(true) syncedUntil: string | null;
  @TimestampColumn(true) lastFullSyncAt: string | null;
  /** When the last run started (any trigger): the schedule counts its interval from here. */
  @TimestampColumn(true) lastRunAt: string | null;
  /** Jira reads JQL dates in the API user's time zone (from /myself). */
  @TextColumn(64, true) timeZone: string | null;
  /** Single runner across app servers: whoever holds an unexpired lease runs this connection. */
  @TextColumn(64, true) leaseOwner: string | null;
  @TimestampColumn(true) leaseUntil: string | null;
  @IntColumn() version: number;
  @TimestampColumn() createdAt: string;
  @TimestampColumn() updatedAt: string;
}
