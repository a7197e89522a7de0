import { CONNECTION_KIND_LABEL } from '@keyline/shared';
import type { Actor } from '../../auth/actor';
import type { ConnectionConfig, ConnectionEntity } from './connection.entity';

/**
 * The item fields a connection's tracker owns: read-only in Keyline for its
 * items, written by every run. Keyline keeps KR links, rank and the scoring
 * fields the tracker does not map.
 */
export function ownedFields(config: ConnectionConfig): string[] {
  const fields = ['title', 'description', 'type', 'status', 'labels', 'externalKey'];
  if (config.kind === 'jira') {
    if (config.fieldMap.storyPoints) fields.push('effort');
    if (config.fieldMap.team) fields.push('teamId');
  } else if (config.pointsLabelPrefix) fields.push('effort');
  return fields;
}

/** Who the audit trail names for a connection's changes. */
export function syncActor(connection: Pick<ConnectionEntity, 'kind' | 'name'>): Actor {
  return {
    id: '',
    name: `${CONNECTION_KIND_LABEL[connection.kind]} sync: ${connection.name}`.slice(0, 100),
    email: '',
    role: 'admin',
  };
}
