import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { SignInPage } from '../features/auth/SignInPage';
import { useSession } from '../features/auth/useSession';
import { AppShell } from './AppShell';

// Screens load on demand: the chart library alone is ~120 kB gzip.
const OkrsPage = lazy(() => import('../features/objectives/OkrsPage').then((m) => ({ default: m.OkrsPage })));
const KeyResultPage = lazy(() =>
  import('../features/key-results/KeyResultPage').then((m) => ({ default: m.KeyResultPage })),
);
const BacklogPage = lazy(() => import('../features/backlog/BacklogPage').then((m) => ({ default: m.BacklogPage })));
const AlignmentPage = lazy(() =>
  import('../features/alignment/AlignmentPage').then((m) => ({ default: m.AlignmentPage })),
);
const ScoringSettingsPage = lazy(() =>
  import('../features/scoring/ScoringSettingsPage').then((m) => ({ default: m.ScoringSettingsPage })),
);
const SettingsPage = lazy(() => import('../features/settings/SettingsPage').then((m) => ({ default: m.SettingsPage })));
const ImportPage = lazy(() => import('../features/imports/ImportPage').then((m) => ({ default: m.ImportPage })));
const DashboardPage = lazy(() =>
  import('../features/dashboard/DashboardPage').then((m) => ({ default: m.DashboardPage })),
);
const SharedDashboardPage = lazy(() =>
  import('../features/share-links/SharedDashboardPage').then((m) => ({ default: m.SharedDashboardPage })),
);
const PlannerPage = lazy(() => import('../features/planner/PlannerPage').then((m) => ({ default: m.PlannerPage })));
const OutcomesPage = lazy(() => import('../features/outcomes/OutcomesPage').then((m) => ({ default: m.OutcomesPage })));
const GradesPage = lazy(() => import('../features/cycles/GradesPage').then((m) => ({ default: m.GradesPage })));
const CloseCyclePage = lazy(() =>
  import('../features/cycles/CloseCyclePage').then((m) => ({ default: m.CloseCyclePage })),
);

const ProfilePage = lazy(() =>
  import('../features/notifications/ProfilePage').then((m) => ({ default: m.ProfilePage })),
);
const UnsubscribePage = lazy(() =>
  import('../features/notifications/UnsubscribePage').then((m) => ({ default: m.UnsubscribePage })),
);

const LOADING_SCREEN = (
  <p className="page-loading" role="status">
    Loading…
  </p>
);

export function App() {
  const { pathname } = useLocation();
  // A share-link reader has no session: the shared page renders without asking who is signed in.
  if (pathname.startsWith('/shared/')) {
    return (
      <Suspense fallback={LOADING_SCREEN}>
        <Routes>
          <Route path="/shared/:token" element={<SharedDashboardPage />} />
        </Routes>
      </Suspense>
    );
  }
  // An e-mail's unsubscribe link works without signing in: its signed token is the authority.
  if (pathname === '/unsubscribe') {
    return (
      <Suspense fallback={LOADING_SCREEN}>
        <UnsubscribePage />
      </Suspense>
    );
  }
  return <SignedInApp />;
}

function SignedInApp() {
  const session = useSession();
  if (session.isPending) {
    return (
      <p className="page-loading" role="status">
        Loading Keyline…
      </p>
    );
  }
  if (session.isError) {
    return (
      <p className="page-loading" role="alert">
        Couldn't reach Keyline: {session.error.message}
      </p>
    );
  }
  if (!session.data) return <SignInPage />;
  return (
    <Suspense fallback={LOADING_SCREEN}>
      <Routes>
        <Route element={<AppShell user={session.data} />}>
          <Route index element={<Navigate to="/okrs" replace />} />
          <Route path="okrs" element={<OkrsPage />} />
          <Route path="key-results/:id" element={<KeyResultPage />} />
          <Route path="backlog" element={<BacklogPage />} />
          <Route path="backlog/:itemId" element={<BacklogPage />} />
          <Route path="alignment" element={<AlignmentPage />} />
          <Route path="scoring" element={<ScoringSettingsPage />} />
          <Route path="settings/*" element={<SettingsPage />} />
          <Route path="import" element={<ImportPage />} />
          <Route path="dashboard" element={<DashboardPage />} />
          <Route path="planner" element={<PlannerPage />} />
          <Route path="outcomes" element={<OutcomesPage />} />
          <Route path="profile" element={<ProfilePage />} />
          <Route path="cycles/:id/grades" element={<GradesPage />} />
          <Route path="cycles/:id/close" element={<CloseCyclePage />} />
          <Route path="*" element={<NotFound />} />
        </Route>
      </Routes>
    </Suspense>
  );
}

function NotFound() {
  return (
    <section>
      <h1>Page not found</h1>
      <p>There is nothing at this address. Use the navigation to find your way.</p>
    </section>
  );
}
