import {
  ESTIMATE_FIELDS,
  TitleSchema,
  type ItemStatus,
  type ItemType,
  type UpdateBacklogItemInput,
} from '@keyline/shared';
import type { BacklogRow } from '../api/types';
import { estimateToInput, parseEstimate, type EstimateField } from './estimates';

/** The detail panel's form: every field as the user types it. */
export interface ItemDraft {
  title: string;
  description: string;
  type: ItemType;
  status: ItemStatus;
  /** '' for no team. */
  teamId: string;
  externalKey: string;
  /** Comma-separated. */
  labels: string;
  estimates: Record<EstimateField, string>;
}

export function toDraft(item: BacklogRow): ItemDraft {
  return {
    title: item.title,
    description: item.description,
    type: item.type,
    status: item.status,
    teamId: item.teamId ?? '',
    externalKey: item.externalKey ?? '',
    labels: item.labels.join(', '),
    estimates: Object.fromEntries(ESTIMATE_FIELDS.map((f) => [f, estimateToInput(f, item[f])])) as Record<
      EstimateField,
      string
    >,
  };
}

export function parseLabels(text: string): string[] {
  const seen = new Set<string>();
  for (const part of text.split(',')) {
    const label = part.trim();
    if (label) seen.add(label);
  }
  return [...seen];
}

export interface DraftDiff {
  /** Only the fields that changed: the PATCH body. */
  patch: UpdateBacklogItemInput;
  /** Field name → message, for fields that cannot be saved as typed. */
  errors: Record<string, string>;
}

/** Compares the form with the item: what to send, and what to fix first. */
export function diffDraft(draft: ItemDraft, item: BacklogRow): DraftDiff {
  const patch: UpdateBacklogItemInput = {};
  const errors: Record<string, string> = {};
  const title = TitleSchema.safeParse(draft.title);
  if (!title.success) errors.title = title.error.issues[0]?.message ?? 'Not valid';
  else if (title.data !== item.title) patch.title = title.data;
  if (draft.description !== item.description) patch.description = draft.description;
  if (draft.type !== item.type) patch.type = draft.type;
  if (draft.status !== item.status) patch.status = draft.status;
  const teamId = draft.teamId || null;
  if (teamId !== item.teamId) patch.teamId = teamId;
  const externalKey = draft.externalKey.trim() || null;
  if (externalKey !== item.externalKey) patch.externalKey = externalKey;
  const labels = parseLabels(draft.labels);
  if (labels.join('\u0000') !== item.labels.join('\u0000')) patch.labels = labels;
  for (const field of ESTIMATE_FIELDS) {
    const parsed = parseEstimate(field, draft.estimates[field]);
    if (!parsed.ok) errors[field] = parsed.message;
    else if (parsed.value !== item[field]) patch[field] = parsed.value;
  }
  return { patch, errors };
}
