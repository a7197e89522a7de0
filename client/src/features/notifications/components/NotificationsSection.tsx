import { ChatChannelsPanel } from '../../chat/components/ChatChannelsPanel';
import { WebhooksPanel } from '../../webhooks/components/WebhooksPanel';
import { DeliveryLog } from './DeliveryLog';
import { OrganisationSettingsForm } from './OrganisationSettingsForm';
import { SendingStatus } from './SendingStatus';
import '../notifications.css';

/** Settings → Notifications (admins): can Keyline send, the channels, webhooks, and the delivery log. */
export function NotificationsSection() {
  return (
    <section aria-labelledby="nt-title" className="nt-section">
      <h2 id="nt-title">Notifications</h2>
      <p className="st-intro">
        Keyline sends few messages, each a list of things to do: check-in reminders, a weekly digest on Monday morning,
        mentions and comments. Each person picks e-mail, chat or nothing per kind on their profile.
      </p>
      <SendingStatus />
      <OrganisationSettingsForm />
      <ChatChannelsPanel />
      <WebhooksPanel />
      <DeliveryLog />
    </section>
  );
}
