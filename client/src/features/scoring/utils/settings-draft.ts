/**
 * The scoring form's state: every number as the text the admin typed, so a
 * half-typed "0." is not lost, turned back into ScoringSettings and checked
 * by the one shared schema (ScoringSettingsSchema) before it is sent.
 */
import {
  ScoringSettingsSchema,
  type EstimateField,
  type ScoringFramework,
  type ScoringSettings,
} from '@keyline/shared';

export type NumberPath =
  | 'alignment.behindPaceBoost'
  | 'alignment.lowConfidenceBoost'
  | 'alignment.lowConfidenceBelow'
  | 'combination.alignmentWeight'
  | 'combination.unalignedMultiplier'
  | 'itemFlags.lowValueHighEffortMinItems'
  | 'itemFlags.rankInversionMinPositions'
  | 'itemFlags.rankInversionValueFactor'
  | 'krFlags.behindPaceTolerance'
  | 'krFlags.atRiskConfidence'
  | 'krFlags.effortMismatchRatio'
  | 'krFlags.effortMismatchMinGap'
  | 'calibration.priorStrength';

export interface NumberSettingSpec {
  path: NumberPath;
  label: string;
  help: string;
  step: string;
}

export const SETTING_GROUPS: readonly { title: string; intro: string; settings: readonly NumberSettingSpec[] }[] = [
  {
    title: 'How alignment counts',
    intro: 'A link to a key result adds strength × KR share × objective share × boost to the item’s alignment.',
    settings: [
      {
        path: 'combination.alignmentWeight',
        label: 'Alignment weight',
        step: '0.1',
        help: 'Tagged items: value = intrinsic × (1 + this × alignment). 0 ignores alignment.',
      },
      {
        path: 'combination.unalignedMultiplier',
        label: 'Untagged multiplier',
        step: '0.05',
        help: 'Items with no live key result: value = intrinsic × this. Above 0, below 1.',
      },
      {
        path: 'alignment.behindPaceBoost',
        label: 'Behind-pace boost',
        step: '0.1',
        help: 'Extra weight per unit a KR lags its pace: 1 makes a KR 20 points behind count 1.2×.',
      },
      {
        path: 'alignment.lowConfidenceBoost',
        label: 'Low-confidence boost',
        step: '0.1',
        help: 'Extra weight at confidence 0, fading to none at the threshold below.',
      },
      {
        path: 'alignment.lowConfidenceBelow',
        label: 'Low confidence below (0–10)',
        step: '0.5',
        help: 'Check-in confidence under this raises a KR’s links.',
      },
    ],
  },
  {
    title: 'Item flags',
    intro: 'When an item is flagged as low value for its effort, or ranked above much more valuable work.',
    settings: [
      {
        path: 'itemFlags.lowValueHighEffortMinItems',
        label: 'Low value for high effort: minimum items',
        step: '1',
        help: 'Below this many scored open items, quartiles are noise and the flag is off.',
      },
      {
        path: 'itemFlags.rankInversionMinPositions',
        label: 'Rank inversion: positions apart',
        step: '1',
        help: 'The more valuable item must be at least this many places lower.',
      },
      {
        path: 'itemFlags.rankInversionValueFactor',
        label: 'Rank inversion: value factor (×)',
        step: '0.5',
        help: '…and worth at least this many times as much.',
      },
    ],
  },
  {
    title: 'Key result flags',
    intro: 'When a key result has no work behind it, or effort out of proportion to its weight.',
    settings: [
      {
        path: 'krFlags.behindPaceTolerance',
        label: 'Behind pace by more than (0–1)',
        step: '0.05',
        help: '0.1 = ten points of progress behind the pace line.',
      },
      {
        path: 'krFlags.atRiskConfidence',
        label: 'At-risk confidence (0–10)',
        step: '1',
        help: 'A latest confidence at or below this counts as at risk.',
      },
      {
        path: 'krFlags.effortMismatchRatio',
        label: 'Effort mismatch ratio (×)',
        step: '0.5',
        help: 'Effort share and weight share differ by this factor, either way…',
      },
      {
        path: 'krFlags.effortMismatchMinGap',
        label: 'Effort mismatch minimum gap (0–1)',
        step: '0.01',
        help: '…and by at least this share, so tiny key results do not flap.',
      },
    ],
  },
];

/** Shown beside the calibration toggle, not in a group of its own. */
export const PRIOR_STRENGTH: NumberSettingSpec = {
  path: 'calibration.priorStrength',
  label: 'Prior strength (items, 0–1000)',
  step: '1',
  help: 'How many items of history the stated confidence counts as: 10 means a team needs about 10 settled items before its record weighs as much as the estimate. 0 uses the hit rate alone.',
};

export const NUMBER_PATHS: readonly NumberPath[] = [
  ...SETTING_GROUPS.flatMap((g) => g.settings.map((s) => s.path)),
  PRIOR_STRENGTH.path,
];

export interface CriterionDraft {
  field: EstimateField;
  weight: string;
}

export interface SettingsDraft {
  framework: ScoringFramework;
  customCriteria: CriterionDraft[];
  numbers: Record<NumberPath, string>;
  /** Calibrated confidence (docs/SCORING.md): off by default. */
  calibrationEnabled: boolean;
}

/** Field errors by dotted path ('krFlags.atRiskConfidence', 'customCriteria.1.weight', 'customCriteria'). */
export type DraftErrors = Partial<Record<string, string>>;

function read(settings: ScoringSettings, path: NumberPath): number {
  const [group, key] = path.split('.') as [keyof ScoringSettings, string];
  return (settings[group] as unknown as Record<string, number>)[key] as number;
}

export function toDraft(settings: ScoringSettings): SettingsDraft {
  return {
    framework: settings.framework,
    customCriteria: settings.customCriteria.map((c) => ({ field: c.field, weight: String(c.weight) })),
    numbers: Object.fromEntries(NUMBER_PATHS.map((p) => [p, String(read(settings, p))])) as Record<NumberPath, string>,
    calibrationEnabled: settings.calibration.enabled,
  };
}

/** "1,5" and " 2 " are what people type; anything else that is not a number stays NaN and is refused. */
function toNumber(text: string): number {
  const trimmed = text.trim().replace(',', '.');
  return trimmed === '' ? Number.NaN : Number(trimmed);
}

export type DraftResult = { ok: true; settings: ScoringSettings } | { ok: false; errors: DraftErrors };

export function fromDraft(draft: SettingsDraft): DraftResult {
  const errors: DraftErrors = {};
  const candidate: Record<string, unknown> = {
    framework: draft.framework,
    customCriteria: draft.customCriteria.map((c) => ({ field: c.field, weight: toNumber(c.weight) })),
    alignment: {},
    combination: {},
    itemFlags: {},
    krFlags: {},
    calibration: { enabled: draft.calibrationEnabled },
  };
  for (const path of NUMBER_PATHS) {
    const [group, key] = path.split('.') as [string, string];
    (candidate[group] as Record<string, number>)[key] = toNumber(draft.numbers[path]);
  }
  const parsed = ScoringSettingsSchema.safeParse(candidate);
  if (parsed.success) return { ok: true, settings: parsed.data };
  for (const issue of parsed.error.issues) {
    const key = issue.path.map(String).join('.');
    errors[key] ??= friendlyMessage(issue.message);
  }
  return { ok: false, errors };
}

/** zod's "Invalid input: expected number, received NaN" means the box holds no number. */
function friendlyMessage(message: string): string {
  return /received NaN/i.test(message) ? 'Enter a number.' : message;
}

export function sameSettings(a: ScoringSettings, b: ScoringSettings): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
