import type { QueryClient } from '@tanstack/react-query';

/** Query keys for OKR data. Every screen that shows KRs, objectives or cycles reads through these. */
export const okrKeys = {
  cycles: ['cycles'] as const,
  cycle: (id: string) => ['cycles', id] as const,
  objectives: (cycleId: string) => ['objectives', { cycleId }] as const,
  objective: (id: string) => ['objectives', id] as const,
  keyResults: (cycleId: string) => ['key-results', { cycleId }] as const,
  keyResult: (id: string) => ['key-results', id] as const,
  checkIns: (id: string) => ['check-ins', id] as const,
  audit: (id: string) => ['audit-events', 'keyResult', id] as const,
  linkedItems: (id: string) => ['backlog-items', { keyResultId: id }] as const,
  teams: ['teams'] as const,
};

/**
 * A KR change moves its objective's rolled-up progress, the tree, the detail
 * header, the history and the audit trail: refetch them all (they are small).
 */
export function invalidateOkrData(client: QueryClient): Promise<void> {
  return Promise.all(
    ['cycles', 'objectives', 'key-results', 'check-ins', 'audit-events', 'backlog-items', 'outcomes'].map((key) =>
      client.invalidateQueries({ queryKey: [key] }),
    ),
  ).then(() => undefined);
}
