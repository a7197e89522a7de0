import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChatChannel, CreateChatChannelInput, Delivery, UpdateChatChannelInput } from '@keyline/shared';
import { api, apiGet } from '../../../lib/api';
import { chatChannelKeys as chatKeys, notificationKeys } from '../../../lib/query-keys';
import { invalidateDeliveries } from '../../notifications/api/notifications.api';

export const useChatChannels = () =>
  useQuery({ queryKey: chatKeys.all, queryFn: ({ signal }) => apiGet<ChatChannel[]>('/api/chat-channels', signal) });

export function useCreateChatChannel() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateChatChannelInput) => api<ChatChannel>('POST', '/api/chat-channels', { body: input }),
    onSuccess: (created) => {
      client.setQueryData(chatKeys.all, (list: ChatChannel[] | undefined) => [...(list ?? []), created]);
      // Whether a person's chat messages reach a channel just changed.
      void client.invalidateQueries({ queryKey: notificationKeys.preferences });
    },
  });
}

export function useUpdateChatChannel() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ channel, input }: { channel: ChatChannel; input: UpdateChatChannelInput }) =>
      api<ChatChannel>('PATCH', `/api/chat-channels/${encodeURIComponent(channel.id)}`, {
        body: input,
        version: channel.version,
      }),
    onSuccess: (saved) => {
      client.setQueryData(chatKeys.all, (list: ChatChannel[] | undefined) =>
        (list ?? []).map((c) => (c.id === saved.id ? saved : c)),
      );
      void client.invalidateQueries({ queryKey: notificationKeys.preferences });
    },
    onError: () => void client.invalidateQueries({ queryKey: chatKeys.all }),
  });
}

export function useDeleteChatChannel() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (channel: ChatChannel) =>
      api<void>('DELETE', `/api/chat-channels/${encodeURIComponent(channel.id)}`, { version: channel.version }),
    onSuccess: (_nothing, channel) => {
      client.setQueryData(chatKeys.all, (list: ChatChannel[] | undefined) =>
        (list ?? []).filter((c) => c.id !== channel.id),
      );
      void client.invalidateQueries({ queryKey: notificationKeys.preferences });
    },
    onError: () => void client.invalidateQueries({ queryKey: chatKeys.all }),
  });
}

export function useTestChatChannel() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (channel: ChatChannel) =>
      api<Delivery>('POST', `/api/chat-channels/${encodeURIComponent(channel.id)}/test`),
    onSuccess: () => invalidateDeliveries(client),
  });
}
