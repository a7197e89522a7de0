import type { ItemFlagCode, ItemStatus, ItemType } from '@keyline/shared';

/** Status words with a shape, so status never rests on colour alone. */
export const STATUS_LABELS: Record<ItemStatus, { icon: string; text: string }> = {
  idea: { icon: '○', text: 'Idea' },
  ready: { icon: '◎', text: 'Ready' },
  'in-progress': { icon: '◐', text: 'In progress' },
  done: { icon: '●', text: 'Done' },
  dropped: { icon: '✕', text: 'Dropped' },
};

export const TYPE_LABELS: Record<ItemType, string> = {
  feature: 'Feature',
  bug: 'Bug',
  'tech-debt': 'Tech debt',
  chore: 'Chore',
  experiment: 'Experiment',
};

/** Short names for the scoring flags: a new flag code fails the build until it has one. */
const FLAG_SHORT: Record<ItemFlagCode, string> = {
  NOT_SCORABLE: 'Not scorable',
  UNALIGNED: 'Unaligned',
  STALE_ALIGNMENT: 'Stale alignment',
  LOW_VALUE_HIGH_EFFORT: 'Low value',
  RANK_INVERSION: 'Rank inversion',
};

export function flagLabel(code: ItemFlagCode): string {
  return FLAG_SHORT[code];
}

export const STRENGTH_LABELS: Record<1 | 2 | 3, string> = {
  1: 'Helps a bit',
  2: 'Helps',
  3: 'Moves it directly',
};
