import { roleAtLeast, type SessionUser } from '@keyline/shared/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router';
import { ChangePasswordDialog } from '../features/auth/components/ChangePasswordDialog';
import { useSignOut } from '../features/auth/useSession';
import { PageErrorBoundary } from './PageErrorBoundary';
import { preloadScreen, preloadWhenIdle } from './screens';

const NAV = [
  { to: '/dashboard', label: 'Dashboard', role: 'viewer' },
  { to: '/okrs', label: 'OKRs', role: 'viewer' },
  { to: '/backlog', label: 'Backlog', role: 'viewer' },
  { to: '/planner', label: 'Planner', role: 'editor' },
  { to: '/alignment', label: 'Alignment', role: 'viewer' },
  { to: '/outcomes', label: 'Outcomes', role: 'viewer' },
  { to: '/settings', label: 'Settings', role: 'editor' },
] as const;

export function AppShell({ user }: { user: SessionUser }) {
  const signOut = useSignOut();
  const { pathname } = useLocation();
  const [changingPassword, setChangingPassword] = useState(false);
  const nav = NAV.filter((item) => roleAtLeast(user.role, item.role));
  const navPaths = nav.map((item) => item.to).join(' ');
  // The other screens' code, fetched while nothing else happens (hover and focus fetch it sooner).
  const queries = useQueryClient();
  useEffect(() => preloadWhenIdle(navPaths.split(' '), () => queries.isFetching() > 0), [navPaths, queries]);
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <div className="brand" aria-label="Keyline">
          <span className="brand-mark" aria-hidden="true">
            ◆
          </span>{' '}
          Keyline
        </div>
        <nav aria-label="Main">
          {/* Wraps at phone width: six entries no longer fit 390 px on one line (the rule belongs in global.css). */}
          <ul className="nav-list">
            {nav.map((item) => (
              <li key={item.to}>
                <NavLink
                  to={item.to}
                  className="nav-link"
                  onPointerEnter={() => preloadScreen(item.to)}
                  onFocus={() => preloadScreen(item.to)}
                >
                  {item.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="user-box">
          <NavLink
            to="/profile"
            className="user-name"
            title="Your notifications"
            onPointerEnter={() => preloadScreen('/profile')}
            onFocus={() => preloadScreen('/profile')}
          >
            {user.name}
          </NavLink>
          <span className="badge" aria-label={`Role: ${user.role}`}>
            {user.role}
          </span>
          <button type="button" className="button ghost" onClick={() => setChangingPassword(true)}>
            Change password
          </button>
          <button type="button" className="button ghost" onClick={() => signOut.mutate()}>
            Sign out
          </button>
        </div>
        {changingPassword && <ChangePasswordDialog onClose={() => setChangingPassword(false)} />}
      </header>
      <main id="main" className="content" tabIndex={-1}>
        <PageErrorBoundary key={pathname}>
          <Outlet />
        </PageErrorBoundary>
      </main>
    </div>
  );
}
