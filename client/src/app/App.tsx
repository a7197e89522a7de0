import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { SignInPage } from '../features/auth/SignInPage';
import { useSession } from '../features/auth/useSession';
import { preloadScreen, screens } from './screens';

const {
  okrs: OkrsPage,
  keyResult: KeyResultPage,
  backlog: BacklogPage,
  alignment: AlignmentPage,
  scoring: ScoringSettingsPage,
  settings: SettingsPage,
  import: ImportPage,
  dashboard: DashboardPage,
  sharedDashboard: SharedDashboardPage,
  planner: PlannerPage,
  outcomes: OutcomesPage,
  grades: GradesPage,
  closeCycle: CloseCyclePage,
  profile: ProfilePage,
  unsubscribe: UnsubscribePage,
} = screens;

// The shell (navigation, account menu, change-password dialog) is not part of
// the sign-in screen's code: it loads once someone is signed in, together with
// the screen they are on.
const loadShell = () => import('./AppShell');
const AppShell = lazy(() => loadShell().then((m) => ({ default: m.AppShell })));

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

/** The shell and the screen at this address, fetched side by side rather than one after the other. */
function preloadSignedIn(): void {
  void loadShell().catch(() => undefined);
  preloadScreen(window.location.pathname === '/' ? '/okrs' : window.location.pathname);
}

function SignedInApp() {
  const session = useSession();
  if (session.data) preloadSignedIn();
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
  if (!session.data) return <SignInPage onSignInStarted={preloadSignedIn} />;
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
