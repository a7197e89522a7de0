import { DELIVERY_STATUSES } from '@keyline/shared';
import { LoadError } from '../../../components/LoadError';
import { useNotificationOverview } from '../api/notifications.api';
import { DELIVERY_STATUS, when } from '../utils/labels';

const JOB_NAMES: Record<string, string> = {
  'check-in-reminders': 'Check-in reminders',
  'weekly-digest': 'Weekly digests',
  'change-watch': 'Status and flag changes',
  'tracker-sync': 'Tracker sync',
};

/** Can Keyline send at all, where do its links point, and how did the last week go. */
export function SendingStatus() {
  const overview = useNotificationOverview();
  if (overview.isPending) return <p role="status">Loading…</p>;
  if (overview.isError)
    return <LoadError what="sending status" error={overview.error} onRetry={() => void overview.refetch()} />;
  const { email, publicUrl, counts, jobs } = overview.data;
  return (
    <div className="nt-status">
      <div className="nt-card" aria-labelledby="nt-email-title">
        <h3 id="nt-email-title">E-mail</h3>
        {email.enabled ? (
          <p>
            <span className="nt-tone-ok">● On</span>: sent as <strong>{email.from}</strong> through {email.server}.
          </p>
        ) : (
          <p>
            <span className="nt-tone-bad">✕ Off</span>: Keyline sends no e-mail. Set <code>SMTP_URL</code> (e.g.{' '}
            <code>smtp://user:pass@host:587</code>) and <code>MAIL_FROM</code> and restart. People who chose e-mail get
            nothing until then; chat channels and webhooks still work.
          </p>
        )}
        <p className="meta">
          Every link in a message starts with <code>{publicUrl}</code> (<code>PUBLIC_URL</code>).
        </p>
      </div>
      <div className="nt-card" aria-labelledby="nt-week-title">
        <h3 id="nt-week-title">Last 7 days</h3>
        <ul className="nt-counts">
          {DELIVERY_STATUSES.map((status) => (
            <li key={status}>
              <span className={DELIVERY_STATUS[status].tone}>
                <span aria-hidden="true">{DELIVERY_STATUS[status].icon} </span>
                {DELIVERY_STATUS[status].word}
              </span>{' '}
              <strong className="nt-number">{counts[status].toLocaleString()}</strong>
            </li>
          ))}
        </ul>
      </div>
      <div className="nt-card" aria-labelledby="nt-jobs-title">
        <h3 id="nt-jobs-title">Schedules</h3>
        <ul className="nt-jobs">
          {jobs
            .filter((j) => j.name in JOB_NAMES)
            .map((job) => (
              <li key={job.name}>
                <strong>{JOB_NAMES[job.name]}</strong>{' '}
                <span className="meta">
                  last run {when(job.lastFinishedAt)}, next {when(job.nextRun)}
                </span>
                {job.lastError && <span className="error-text"> Last run failed: {job.lastError}</span>}
              </li>
            ))}
        </ul>
      </div>
    </div>
  );
}
