import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type {
  Delivery,
  DeliveryPage,
  DeliveryStatus,
  MessageChannel,
  NotificationOverview,
  NotificationPreferences,
  NotificationSettings,
  TestDigestResult,
  UnsubscribeInfo,
  UpdateNotificationPreferencesInput,
  VersionedNotificationSettings,
} from '@keyline/shared';
import { api, apiGet } from '../../../lib/api';
import { notificationKeys } from '../../../lib/query-keys';

/** A send, a retry or a test changed what the log and the counts say. */
export function invalidateDeliveries(client: QueryClient): void {
  void client.invalidateQueries({ queryKey: notificationKeys.deliveries });
  void client.invalidateQueries({ queryKey: notificationKeys.overview });
}

export const usePreferences = () =>
  useQuery({
    queryKey: notificationKeys.preferences,
    queryFn: ({ signal }) => apiGet<NotificationPreferences>('/api/notifications/preferences', signal),
  });

export function useSavePreferences() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ version, input }: { version: number; input: UpdateNotificationPreferencesInput }) =>
      api<NotificationPreferences>('PUT', '/api/notifications/preferences', { body: input, version }),
    onSuccess: (saved) => client.setQueryData(notificationKeys.preferences, saved),
  });
}

export function useTestDigest() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<TestDigestResult>('POST', '/api/notifications/test-digest'),
    onSuccess: () => invalidateDeliveries(client),
  });
}

export const useNotificationSettings = () =>
  useQuery({
    queryKey: notificationKeys.settings,
    queryFn: ({ signal }) => apiGet<VersionedNotificationSettings>('/api/settings/notifications', signal),
  });

export function useSaveNotificationSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ version, settings }: { version: number; settings: NotificationSettings }) =>
      api<VersionedNotificationSettings>('PUT', '/api/settings/notifications', { body: settings, version }),
    onSuccess: (saved) => {
      client.setQueryData(notificationKeys.settings, saved);
      // Everyone without their own zone follows the default.
      void client.invalidateQueries({ queryKey: notificationKeys.preferences });
    },
  });
}

export const useNotificationOverview = () =>
  useQuery({
    queryKey: notificationKeys.overview,
    refetchInterval: 30_000,
    queryFn: ({ signal }) => apiGet<NotificationOverview>('/api/notifications/overview', signal),
  });

export interface DeliveryFilters {
  status: DeliveryStatus | null;
  channel: MessageChannel | null;
}

export function deliveriesPath(filters: DeliveryFilters, before: string | null, limit = 25): string {
  const params = new URLSearchParams({ limit: String(limit) });
  if (filters.status) params.set('status', filters.status);
  if (filters.channel) params.set('channel', filters.channel);
  if (before) params.set('before', before);
  return `/api/notifications/deliveries?${params}`;
}

/** One page of the log; `before` is the last id of the page above. */
export const useDeliveries = (filters: DeliveryFilters, before: string | null) =>
  useQuery({
    queryKey: notificationKeys.deliveryPage(filters.status, filters.channel, before),
    queryFn: ({ signal }) => apiGet<DeliveryPage>(deliveriesPath(filters, before), signal),
    placeholderData: (previous) => previous,
    // While something is on its way, look again now and then: the log is for watching sends happen.
    refetchInterval: (query) =>
      query.state.data?.items.some((d) => d.status === 'pending' || d.status === 'sending') ? 5_000 : false,
  });

export function useRetryDelivery() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (delivery: Pick<Delivery, 'id'>) =>
      api<Delivery>('POST', `/api/notifications/deliveries/${encodeURIComponent(delivery.id)}/retry`),
    onSettled: () => invalidateDeliveries(client),
  });
}

export const useUnsubscribeInfo = (token: string) =>
  useQuery({
    queryKey: notificationKeys.unsubscribe(token),
    queryFn: ({ signal }) =>
      apiGet<UnsubscribeInfo>(`/api/notifications/unsubscribe?token=${encodeURIComponent(token)}`, signal),
    retry: false,
  });

export function useUnsubscribe(token: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<UnsubscribeInfo>('POST', `/api/notifications/unsubscribe?token=${encodeURIComponent(token)}`),
    onSuccess: (info) => {
      client.setQueryData(notificationKeys.unsubscribe(token), info);
      void client.invalidateQueries({ queryKey: notificationKeys.preferences });
    },
  });
}
