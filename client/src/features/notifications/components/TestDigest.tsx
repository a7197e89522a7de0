import { errorMessage } from '../../../lib/errors';
import { useTestDigest } from '../api/notifications.api';
import { CHANNEL_LABELS } from '../utils/labels';

/** "Send me a test digest now": this week's digest at once, so people see what Monday brings. */
export function TestDigest() {
  const send = useTestDigest();
  return (
    <section className="st-form" aria-labelledby="pf-test-title">
      <h2 id="pf-test-title">Try it</h2>
      <p>Get this week's digest now, the way Monday's would reach you.</p>
      <button type="button" className="button" onClick={() => send.mutate()} disabled={send.isPending}>
        {send.isPending ? 'Sending…' : 'Send me a test digest now'}
      </button>
      <p role="status" className="nt-test-result">
        {send.isSuccess &&
          `Sent by ${CHANNEL_LABELS[send.data.channel].toLowerCase()} to ${send.data.recipient}: “${send.data.subject}”.` +
            (send.data.empty ? ' Nothing needs you this week, so Monday’s would not be sent.' : '')}
      </p>
      {send.isError && (
        <p className="error-text" role="alert">
          {errorMessage(send.error)}
        </p>
      )}
    </section>
  );
}
