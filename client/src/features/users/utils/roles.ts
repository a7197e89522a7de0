import type { Role } from '@keyline/shared';

/** What each role may do, in the words the invite form shows. */
export const ROLE_LABELS: Record<Role, { name: string; can: string }> = {
  admin: { name: 'Admin', can: 'Admins manage members, teams and settings, and edit everything.' },
  editor: { name: 'Editor', can: 'Editors edit OKRs, check-ins and the backlog.' },
  viewer: { name: 'Viewer', can: 'Viewers read OKRs, the backlog and the dashboard; they change nothing.' },
};
