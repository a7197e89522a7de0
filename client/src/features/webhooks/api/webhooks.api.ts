import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreatedWebhook, CreateWebhookInput, Delivery, UpdateWebhookInput, Webhook } from '@keyline/shared';
import { api, apiGet } from '../../../lib/api';
import { webhookKeys } from '../../../lib/query-keys';
import { invalidateDeliveries } from '../../notifications/api/notifications.api';

export const useWebhooks = () =>
  useQuery({ queryKey: webhookKeys.all, queryFn: ({ signal }) => apiGet<Webhook[]>('/api/webhooks', signal) });

export const useWebhookDeliveries = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: webhookKeys.deliveries(id),
    queryFn: ({ signal }) => apiGet<Delivery[]>(`/api/webhooks/${encodeURIComponent(id)}/deliveries?limit=20`, signal),
    enabled,
  });

export function useCreateWebhook() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateWebhookInput) => api<CreatedWebhook>('POST', '/api/webhooks', { body: input }),
    onSuccess: (created) => {
      const { secret: _shownOnce, ...listed } = created;
      client.setQueryData(webhookKeys.all, (list: Webhook[] | undefined) => [...(list ?? []), listed]);
    },
  });
}

export function useUpdateWebhook() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ webhook, input }: { webhook: Webhook; input: UpdateWebhookInput }) =>
      api<Webhook>('PATCH', `/api/webhooks/${encodeURIComponent(webhook.id)}`, {
        body: input,
        version: webhook.version,
      }),
    onSuccess: (saved) =>
      client.setQueryData(webhookKeys.all, (list: Webhook[] | undefined) =>
        (list ?? []).map((w) => (w.id === saved.id ? saved : w)),
      ),
    onError: () => void client.invalidateQueries({ queryKey: webhookKeys.all }),
  });
}

export function useDeleteWebhook() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (webhook: Webhook) =>
      api<void>('DELETE', `/api/webhooks/${encodeURIComponent(webhook.id)}`, { version: webhook.version }),
    onSuccess: (_nothing, webhook) => {
      client.setQueryData(webhookKeys.all, (list: Webhook[] | undefined) =>
        (list ?? []).filter((w) => w.id !== webhook.id),
      );
      invalidateDeliveries(client);
    },
    onError: () => void client.invalidateQueries({ queryKey: webhookKeys.all }),
  });
}
