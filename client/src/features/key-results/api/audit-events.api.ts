import { useQuery } from '@tanstack/react-query';
import type { AuditEvent, Page } from '@keyline/shared';
import { apiGet } from '../../../lib/api';
import { auditEventKeys } from '../../../lib/query-keys';

/** The only wrapper of GET /api/audit-events on the client (the KR page's trail). */
export const auditEventsApi = {
  about: (id: string, limit: number, signal?: AbortSignal) =>
    apiGet<Page<AuditEvent>>(`/api/audit-events?about=${encodeURIComponent(id)}&limit=${limit}`, signal),
};

/** The newest 100 events about the KR and its comments: plenty for one trail; the total says when there are more. */
export const useKeyResultAudit = (id: string) =>
  useQuery({ queryKey: auditEventKeys.about(id), queryFn: ({ signal }) => auditEventsApi.about(id, 100, signal) });
