import { Navigate, Route, Routes } from 'react-router';
import { SignInPage } from '../features/auth/SignInPage';
import { useSession } from '../features/auth/useSession';
import { ObjectivesPage } from '../features/okrs/ObjectivesPage';
import { AppShell } from './AppShell';

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
    <Routes>
      <Route element={<AppShell user={session.data} />}>
        <Route index element={<Navigate to="/okrs" replace />} />
        <Route path="okrs" element={<ObjectivesPage />} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
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
