import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { SignInPage } from '../features/auth/SignInPage';
import { useSession } from '../features/auth/useSession';
import { AppShell } from './AppShell';

// Screens load on demand: the chart library alone is ~120 kB gzip.
const OkrsPage = lazy(() => import('../features/okrs/OkrsPage').then((m) => ({ default: m.OkrsPage })));
const KeyResultPage = lazy(() => import('../features/key-results/KeyResultPage').then((m) => ({ default: m.KeyResultPage })));
const BacklogPage = lazy(() => import('../features/backlog/BacklogPage').then((m) => ({ default: m.BacklogPage })));
const AlignmentPage = lazy(() => import('../features/alignment/AlignmentPage').then((m) => ({ default: m.AlignmentPage })));
const ScoringSettingsPage = lazy(() =>
  import('../features/scoring-settings/ScoringSettingsPage').then((m) => ({ default: m.ScoringSettingsPage })),
);
const SettingsPage = lazy(() => import('../features/settings/SettingsPage').then((m) => ({ default: m.SettingsPage })));

export function App() {
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
    <Suspense
      fallback={
        <p className="page-loading" role="status">
          Loading…
        </p>
      }
    >
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
