import {
  DeliveriesQuerySchema,
  DeliveryPageSchema,
  DeliverySchema,
  NotificationOverviewSchema,
  NotificationPreferencesSchema,
  NotificationSettingsSchema,
  TestDigestResultSchema,
  UnsubscribeInfoSchema,
  UnsubscribeQuerySchema,
  UpdateNotificationPreferencesSchema,
  VersionedNotificationSettingsSchema,
} from '@keyline/shared';
import { defineRoute, IdParamsSchema } from '../../http/route';
import type { DeliveryLogService } from './delivery-log.service';
import { UNSUBSCRIBE_API_PATH } from './email/email-transport';
import type { PreferencesService } from './preferences/preferences.service';
import type { UnsubscribeService } from './preferences/unsubscribe.service';
import type { NotificationSettingsService } from './settings/notification-settings.service';
import type { WeeklyDigest } from './schedules/weekly-digest';

export { UNSUBSCRIBE_API_PATH };

export function notificationRoutes(
  preferences: PreferencesService,
  unsubscribe: UnsubscribeService,
  settings: NotificationSettingsService,
  log: DeliveryLogService,
  digests: WeeklyDigest,
) {
  const tag = 'notifications';
  return [
    defineRoute({
      method: 'get',
      path: '/api/notifications/preferences',
      access: 'viewer',
      tag,
      summary: 'Your own notification choices: per kind e-mail, chat or none; time zone; teams you follow',
      response: NotificationPreferencesSchema,
      handler: ({ actor }) => preferences.get(actor),
    }),
    defineRoute({
      method: 'put',
      path: '/api/notifications/preferences',
      access: 'viewer',
      tag,
      summary: 'Change your notification choices (If-Match: "0" before the first save)',
      body: UpdateNotificationPreferencesSchema,
      ifMatch: true,
      response: NotificationPreferencesSchema,
      handler: ({ actor, body, ifMatch }) => preferences.update(actor, ifMatch, body),
    }),
    defineRoute({
      method: 'post',
      path: '/api/notifications/test-digest',
      access: 'viewer',
      tag,
      summary: 'Send me my weekly digest now (by my digest channel, e-mail if I switched it off)',
      response: TestDigestResultSchema,
      status: 202,
      handler: ({ actor }) => digests.sendTest(actor),
    }),
    defineRoute({
      method: 'get',
      path: UNSUBSCRIBE_API_PATH,
      access: 'public',
      tag,
      summary: 'What an e-mail’s unsubscribe link switches off (no sign-in: the signed token is the authority)',
      query: UnsubscribeQuerySchema,
      response: UnsubscribeInfoSchema,
      handler: ({ query }) => unsubscribe.info(query.token),
    }),
    defineRoute({
      method: 'post',
      path: UNSUBSCRIBE_API_PATH,
      access: 'public',
      cookieless: true,
      tag,
      summary:
        'Unsubscribe from one kind of message: the RFC 8058 one-click POST (form-encoded List-Unsubscribe=One-Click) or the page’s button',
      query: UnsubscribeQuerySchema,
      response: UnsubscribeInfoSchema,
      handler: ({ query }) => unsubscribe.unsubscribe(query.token),
    }),
    defineRoute({
      method: 'get',
      path: '/api/settings/notifications',
      access: 'admin',
      sessionOnly: true,
      tag,
      summary: 'The organisation’s default time zone; digests and reminders on or off',
      response: VersionedNotificationSettingsSchema,
      handler: () => settings.get(),
    }),
    defineRoute({
      method: 'put',
      path: '/api/settings/notifications',
      access: 'admin',
      sessionOnly: true,
      tag,
      summary: 'Change the organisation’s notification settings',
      body: NotificationSettingsSchema,
      ifMatch: true,
      response: VersionedNotificationSettingsSchema,
      handler: ({ actor, body, ifMatch }) => settings.update(actor, ifMatch, body),
    }),
    defineRoute({
      method: 'get',
      path: '/api/notifications/overview',
      access: 'admin',
      sessionOnly: true,
      tag,
      summary: 'Whether e-mail is on, PUBLIC_URL, the last week’s messages per status, the scheduled jobs',
      response: NotificationOverviewSchema,
      handler: () => log.overview(),
    }),
    defineRoute({
      method: 'get',
      path: '/api/notifications/deliveries',
      access: 'admin',
      sessionOnly: true,
      tag,
      summary: 'The delivery log, newest first: every message on every channel with status, attempts and last error',
      query: DeliveriesQuerySchema,
      response: DeliveryPageSchema,
      handler: ({ query }) => log.list(query),
    }),
    defineRoute({
      method: 'post',
      path: '/api/notifications/deliveries/:id/retry',
      access: 'admin',
      sessionOnly: true,
      tag,
      summary: 'Try a dead message again, with a fresh 24-hour window',
      params: IdParamsSchema,
      response: DeliverySchema,
      handler: ({ actor, params }) => log.retry(actor, params.id),
    }),
  ];
}
