import { connectDatabase, type Database, type OpenOptions } from './db/database';
import { ApiTokenEntity } from './auth/api-token.entity';
import { LoginAttemptEntity } from './auth/login-attempt.entity';
import { SessionEntity } from './auth/session.entity';
import { AuditEventEntity } from './features/audit/audit-event.entity';
import { BacklogItemEntity } from './features/backlog/backlog-item.entity';
import { BacklogLinkEntity } from './features/backlog/backlog-link.entity';
import { CycleEntity } from './features/cycles/cycle.entity';
import { ConnectionEntity } from './features/integrations/connection.entity';
import { ConnectionSecretEntity } from './features/integrations/connection-secret.entity';
import { SyncRunEntity } from './features/integrations/sync-run.entity';
import { SyncedItemEntity } from './features/integrations/synced-item.entity';
import { HeadlineHistoryEntity } from './features/dashboard/headline-history.entity';
import { CheckInEntity } from './features/key-results/check-in.entity';
import { KeyResultEntity } from './features/key-results/key-result.entity';
import { ObjectiveEntity } from './features/objectives/objective.entity';
import { SettingEntity } from './features/settings/setting.entity';
import { ShareLinkEntity } from './features/share-links/share-link.entity';
import { TeamEntity } from './features/teams/team.entity';
import { UserEntity } from './features/users/user.entity';
import { OutboxMessageEntity } from './features/notifications/outbox-message.entity';
import { WebhookEntity } from './features/webhooks/webhook.entity';
import { WatchStateEntity } from './features/notifications/events/watch-state.entity';
import { WatchStates1765400000001 } from './migrations/1765400000001-watch-states';
import { NotificationPreferenceEntity } from './features/notifications/preferences/notification-preference.entity';
import { NotificationPreferences1765400000002 } from './migrations/1765400000002-notification-preferences';
import { ChatChannelEntity } from './features/chat/chat-channel.entity';
import { ChatChannels1765400000003 } from './migrations/1765400000003-chat-channels';
import { NotificationMarkEntity } from './features/notifications/schedules/notification-mark.entity';
import { NotificationMarks1765400000004 } from './migrations/1765400000004-notification-marks';
import { CommentEntity } from './features/comments/comment.entity';
import { Comments1765400000005 } from './migrations/1765400000005-comments';
import { LeaseEntity, ScheduledJobEntity } from './jobs/job.entities';
import { JobsAndOutbox1765400000000 } from './migrations/1765400000000-jobs-and-outbox';
import { OidcLoginStateEntity, SsoIdentityEntity, SsoSessionEntity } from './features/sso/sso.entities';
import { ScimGroupEntity, ScimGroupMemberEntity, ScimTokenEntity, ScimUserEntity } from './features/scim/scim.entities';
import { ApiTokens1765000000000 } from './migrations/1765000000000-api-tokens';
import { SsoScim1765500000000 } from './migrations/1765500000000-sso-scim';
import { BacklogListIndexes1765100000000 } from './migrations/1765100000000-backlog-list-indexes';
import { InitialSchema1764250000000 } from './migrations/1764250000000-initial-schema';
import { QuarterLifecycle1764900000000 } from './migrations/1764900000000-quarter-lifecycle';
import { KeepTeamHeadlineHistory1765200000000 } from './migrations/1765200000000-keep-team-headline-history';
import { Integrations1765300000000 } from './migrations/1765300000000-integrations';
import { CheckInDates1765600000000 } from './migrations/1765600000000-check-in-dates';
import { ChangeLog1765700000000 } from './migrations/1765700000000-change-log';
import { BacklogCountsOffTheIndex1765800000000 } from './migrations/1765800000000-backlog-counts-off-the-index';

// Keyline's database schema: every feature's entities and every migration.
// It sits with the wiring (beside app.ts) so db/ serves the features without
// importing any of them. Listed by class, not by glob: works the same under
// tsx, vitest and a bundler.
export const ENTITIES = [
  UserEntity,
  TeamEntity,
  CycleEntity,
  ObjectiveEntity,
  KeyResultEntity,
  CheckInEntity,
  BacklogItemEntity,
  BacklogLinkEntity,
  AuditEventEntity,
  SettingEntity,
  SessionEntity,
  LoginAttemptEntity,
  ApiTokenEntity,
  ShareLinkEntity,
  HeadlineHistoryEntity,
  ScheduledJobEntity,
  LeaseEntity,
  OutboxMessageEntity,
  WebhookEntity,
  WatchStateEntity,
  NotificationPreferenceEntity,
  ChatChannelEntity,
  NotificationMarkEntity,
  CommentEntity,
  OidcLoginStateEntity,
  SsoIdentityEntity,
  SsoSessionEntity,
  ScimTokenEntity,
  ScimUserEntity,
  ScimGroupEntity,
  ScimGroupMemberEntity,
  ConnectionEntity,
  ConnectionSecretEntity,
  SyncRunEntity,
  SyncedItemEntity,
];

export const MIGRATIONS = [
  InitialSchema1764250000000,
  QuarterLifecycle1764900000000,
  ApiTokens1765000000000,
  BacklogListIndexes1765100000000,
  KeepTeamHeadlineHistory1765200000000,
  Integrations1765300000000,
  JobsAndOutbox1765400000000,
  WatchStates1765400000001,
  NotificationPreferences1765400000002,
  ChatChannels1765400000003,
  NotificationMarks1765400000004,
  Comments1765400000005,
  SsoScim1765500000000,
  CheckInDates1765600000000,
  ChangeLog1765700000000,
  BacklogCountsOffTheIndex1765800000000,
];

/** Opens the database with Keyline's entities and migrations. */
export function openDatabase(url: string, open: OpenOptions = {}): Promise<Database> {
  return connectDatabase(url, { ...open, entities: ENTITIES, migrations: MIGRATIONS });
}
