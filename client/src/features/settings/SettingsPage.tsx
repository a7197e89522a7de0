import type { Role } from '@keyline/shared';
import { Navigate, NavLink, Route, Routes } from 'react-router';
import { ApiTokensSection } from '../api-tokens/components/ApiTokensSection';
import { BackupSection } from '../backup/components/BackupSection';
import { IntegrationsSection } from '../integrations/components/IntegrationsSection';
import { NotificationsSection } from '../notifications/components/NotificationsSection';
import { useCan } from '../auth/useSession';
import { OutcomeSettingsSection } from '../outcomes/components/OutcomeSettingsSection';
import { SingleSignOnSection } from '../sso/components/SingleSignOnSection';
import { ShareLinksPanel } from '../share-links/components/ShareLinksPanel';
import { MembersSection } from '../users/components/MembersSection';
import { QuartersSection } from '../cycles/components/QuartersSection';
import { TeamsSection } from '../teams/components/TeamsSection';
import './settings.css';

// Absolute links: inside a splat route, react-router 7 resolves relative links from the whole URL.
const TABS: readonly { to: string; label: string; role: Role }[] = [
  { to: '/settings/members', label: 'Members', role: 'admin' },
  { to: '/settings/teams', label: 'Teams', role: 'admin' },
  { to: '/settings/quarters', label: 'Quarters', role: 'admin' },
  // Scoring has its own page; listed here so admins find every setting in one place.
  { to: '/scoring', label: 'Scoring', role: 'admin' },
  { to: '/settings/api-tokens', label: 'API tokens', role: 'editor' },
  { to: '/settings/share-links', label: 'Share links', role: 'editor' },
  { to: '/settings/backup', label: 'Backup', role: 'admin' },
  { to: '/settings/single-sign-on', label: 'Single sign-on', role: 'admin' },
  { to: '/settings/integrations', label: 'Integrations', role: 'admin' },
  { to: '/settings/notifications', label: 'Notifications', role: 'admin' },
  { to: '/settings/outcomes', label: 'Outcomes', role: 'admin' },
];

/**
 * Screen 4: settings. Admins get every tab; editors their API tokens and the
 * dashboard's share links; viewers a plain explanation, not a broken page.
 */
export function SettingsPage() {
  const isAdmin = useCan('admin');
  const isEditor = useCan('editor');
  if (!isEditor) {
    return (
      <section aria-labelledby="st-title">
        <h1 id="st-title">Settings</h1>
        <p>Only admins can manage settings. Ask an admin if you need a change to members or teams.</p>
      </section>
    );
  }
  const tabs = TABS.filter((tab) => tab.role === 'editor' || isAdmin);
  const home = isAdmin ? '/settings/members' : '/settings/api-tokens';
  return (
    <section className="st-page" aria-labelledby="st-title">
      <h1 id="st-title">Settings</h1>
      {!isAdmin && (
        <p className="st-intro">
          Here you manage your own API tokens and the dashboard's share links. Members, teams, quarters and scoring are
          managed by admins.
        </p>
      )}
      <nav aria-label="Settings sections">
        <ul className="st-tabs">
          {tabs.map((tab) => (
            <li key={tab.to}>
              <NavLink to={tab.to} className="st-tab">
                {tab.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Routes>
        <Route index element={<Navigate to={home} replace />} />
        {isAdmin && <Route path="members" element={<MembersSection />} />}
        {isAdmin && <Route path="teams" element={<TeamsSection />} />}
        {isAdmin && <Route path="quarters" element={<QuartersSection />} />}
        {isAdmin && <Route path="backup" element={<BackupSection />} />}
        {isAdmin && <Route path="single-sign-on" element={<SingleSignOnSection />} />}
        {isAdmin && <Route path="integrations" element={<IntegrationsSection />} />}
        {isAdmin && <Route path="notifications" element={<NotificationsSection />} />}
        {isAdmin && <Route path="outcomes" element={<OutcomeSettingsSection />} />}
        <Route path="api-tokens" element={<ApiTokensSection />} />
        <Route path="share-links" element={<ShareLinksSection />} />
        <Route path="*" element={<Navigate to={home} replace />} />
      </Routes>
    </section>
  );
}

/** The dashboard's own share-links panel, reused as it is. */
function ShareLinksSection() {
  return (
    <section aria-labelledby="st-share-title">
      <h2 id="st-share-title">Share links</h2>
      <ShareLinksPanel />
    </section>
  );
}
