import { Navigate, NavLink, Route, Routes } from 'react-router';
import { useCan } from '../auth/useSession';
import { MembersSection } from './components/MembersSection';
import { TeamsSection } from './components/TeamsSection';
import './settings.css';

const TABS = [
  // Absolute: inside a splat route, react-router 7 resolves relative links from the whole URL.
  { to: '/settings/members', label: 'Members' },
  { to: '/settings/teams', label: 'Teams' },
  // Scoring has its own page (issue 4); listed here so admins find every setting in one place.
  { to: '/scoring', label: 'Scoring' },
] as const;

/** Screen 4: admin settings — members and teams. Others get a plain explanation, not a broken page. */
export function SettingsPage() {
  const isAdmin = useCan('admin');
  if (!isAdmin) {
    return (
      <section aria-labelledby="st-title">
        <h1 id="st-title">Settings</h1>
        <p>Only admins can manage settings. Ask an admin if you need a change to members or teams.</p>
      </section>
    );
  }
  return (
    <section className="st-page" aria-labelledby="st-title">
      <h1 id="st-title">Settings</h1>
      <nav aria-label="Settings sections">
        <ul className="st-tabs">
          {TABS.map((tab) => (
            <li key={tab.to}>
              <NavLink to={tab.to} className="st-tab">
                {tab.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Routes>
        <Route index element={<Navigate to="/settings/members" replace />} />
        <Route path="members" element={<MembersSection />} />
        <Route path="teams" element={<TeamsSection />} />
        <Route path="*" element={<Navigate to="/settings/members" replace />} />
      </Routes>
    </section>
  );
}
