import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { formatCommentSubject, type Comment, type CommentSubject } from '@keyline/shared';
import { api, apiGet } from '../../../lib/api';
import { auditEventKeys, commentKeys } from '../../../lib/query-keys';

const path = (subject: CommentSubject) => `/api/comments?subject=${encodeURIComponent(formatCommentSubject(subject))}`;

export const useComments = (subject: CommentSubject) =>
  useQuery({
    queryKey: commentKeys.thread(subject),
    queryFn: ({ signal }) => apiGet<Comment[]>(path(subject), signal),
  });

/** A comment changes its threads and the audit trail that lists it. */
function invalidate(client: QueryClient): Promise<unknown> {
  return Promise.all([
    client.invalidateQueries({ queryKey: commentKeys.all }),
    client.invalidateQueries({ queryKey: auditEventKeys.all }),
  ]);
}

export function useCreateComment() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ subject, body }: { subject: CommentSubject; body: string }) =>
      api<Comment>('POST', path(subject), { body: { body } }),
    onSuccess: () => invalidate(client),
  });
}

export function useUpdateComment() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, body }: { id: string; version: number; body: string }) =>
      api<Comment>('PATCH', `/api/comments/${id}`, { body: { body }, version }),
    onSettled: () => invalidate(client),
  });
}

export function useDeleteComment() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      api<void>('DELETE', `/api/comments/${id}`, { version }),
    onSettled: () => invalidate(client),
  });
}
