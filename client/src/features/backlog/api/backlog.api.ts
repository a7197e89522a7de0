import type {
  CreateBacklogItemInput,
  Cycle,
  KeyResult,
  MoveBacklogItemInput,
  Objective,
  Team,
  UpdateBacklogItemInput,
} from '@keyline/shared';
import { api, apiGet } from '../../../lib/api';
import type { BacklogPage, BacklogRow } from './types';

/** Query keys: every cached list lives under `backlogKeys.lists()` so one edit can patch them all. */
export const backlogKeys = {
  all: ['backlog'] as const,
  lists: () => ['backlog', 'list'] as const,
  list: (query: string) => ['backlog', 'list', query] as const,
  item: (id: string) => ['backlog', 'item', id] as const,
};

export const referenceKeys = {
  cycles: ['cycles'] as const,
  keyResults: ['key-results', 'all'] as const,
  objectives: ['objectives', 'all'] as const,
  teams: ['teams'] as const,
};

const itemPath = (id: string) => `/api/backlog-items/${encodeURIComponent(id)}`;

export const backlogApi = {
  list: (query: string, cursor: string | null, signal?: AbortSignal) =>
    apiGet<BacklogPage>(`/api/backlog-items?${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, signal),
  get: (id: string, signal?: AbortSignal) => apiGet<BacklogRow>(itemPath(id), signal),
  create: (input: CreateBacklogItemInput) => api<BacklogRow>('POST', '/api/backlog-items', { body: input }),
  update: (id: string, version: number, patch: UpdateBacklogItemInput) =>
    api<BacklogRow>('PATCH', itemPath(id), { body: patch, version }),
  remove: (id: string, version: number) => api<void>('DELETE', itemPath(id), { version }),
  move: (id: string, version: number, move: MoveBacklogItemInput) =>
    api<BacklogRow>('POST', `${itemPath(id)}/move`, { body: move, version }),
  setLink: (id: string, keyResultId: string, strength: number) =>
    api<BacklogRow>('PUT', `${itemPath(id)}/links/${encodeURIComponent(keyResultId)}`, { body: { strength } }),
  removeLink: (id: string, keyResultId: string) =>
    api<void>('DELETE', `${itemPath(id)}/links/${encodeURIComponent(keyResultId)}`),
};

export const referenceApi = {
  cycles: (signal?: AbortSignal) => apiGet<Cycle[]>('/api/cycles', signal),
  // All live KRs and objectives (a few hundred at most): chips for links to
  // earlier quarters need names too, not only the active cycle's.
  keyResults: (signal?: AbortSignal) => apiGet<KeyResult[]>('/api/key-results', signal),
  objectives: (signal?: AbortSignal) => apiGet<Objective[]>('/api/objectives', signal),
  teams: (signal?: AbortSignal) => apiGet<Team[]>('/api/teams', signal),
};
