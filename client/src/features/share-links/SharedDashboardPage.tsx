import { useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../lib/api';
import { useSharedDashboard } from '../dashboard/api/dashboard.api';
import { DashboardView } from '../dashboard/components/DashboardView';
import { isDeadLink } from './utils/dead-link';
import './shared-dashboard.css';

/**
 * /shared/:token — the dashboard through a read-only link: no sign-in, no
 * navigation, no links into the app. Rendered outside the session gate.
 */
export function SharedDashboardPage() {
  const { token = '' } = useParams();
  const [params] = useSearchParams();
  const teamId = params.get('team');
  const dashboard = useSharedDashboard(token, teamId);

  return (
    <div className="shared-shell">
      <header className="shared-bar">
        <span className="brand">
          <span className="brand-mark" aria-hidden="true">
            ◆
          </span>{' '}
          Keyline
        </span>
        <span className="meta">Read-only dashboard shared with you</span>
      </header>
      <main id="main" className="content" tabIndex={-1}>
        {dashboard.isPending ? (
          <p className="page-loading" role="status">
            Loading the dashboard…
          </p>
        ) : dashboard.error ? (
          <LinkProblem error={dashboard.error} onRetry={() => void dashboard.refetch()} />
        ) : (
          <DashboardView
            dashboard={dashboard.data}
            scope={teamId ? 'One team' : 'Whole company'}
            actions={
              <button type="button" className="button" onClick={() => window.print()}>
                Print
              </button>
            }
            linked={false}
          />
        )}
      </main>
    </div>
  );
}

function LinkProblem({ error, onRetry }: { error: Error; onRetry: () => void }) {
  if (isDeadLink(error)) {
    return (
      <section className="dash-gone">
        <h1>This link no longer works</h1>
        <p role="alert">This link has expired or was revoked. Ask the person who shared it for a new one.</p>
      </section>
    );
  }
  return (
    <section className="dash-gone">
      <h1>Couldn't load the dashboard</h1>
      <p role="alert">{error instanceof ApiError ? error.message : 'Something went wrong.'}</p>
      <button type="button" className="button" onClick={onRetry}>
        Try again
      </button>
    </section>
  );
}
