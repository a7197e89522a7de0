import {
  OutcomeQuerySchema,
  OutcomeReportSchema,
  OutcomeSettingsSchema,
  type ItemOutcomeDto,
  isoDay,
} from '@keyline/shared';
import { z } from 'zod';
import { defineRoute } from '../../http/route';
import { sendCsv, type CellValue } from '../exports/csv-cells';
import type { OutcomeService } from './outcome.service';
import type { OutcomeSettingsService } from './outcome-settings.service';

const VersionedOutcomeSettingsSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  settings: OutcomeSettingsSchema,
});

const OutcomeExportQuerySchema = OutcomeQuerySchema.omit({ limit: true });

export const OUTCOME_COLUMNS = [
  'Quarter',
  'Team',
  'Key',
  'Item',
  'Done',
  'Outcome',
  'Provisional',
  'Effort (pts)',
  'Impact × confidence',
  'Key result',
  'KR owner',
  'Link strength',
  'Value when done',
  'Measured until',
  'Value after',
  'Movement (% of range)',
  'Pace before (% of range per week)',
  'Pace after (% of range per week)',
  'Beyond pace (% of range)',
  'Shared with',
  'Credit (% of range)',
];

const OUTCOME_LABELS = { moved: 'Moved', 'not-moved': 'Not moved', waiting: 'Waiting for a check-in' } as const;
const pct = (v: number | null) => (v === null ? null : Math.round(v * 10_000) / 100);

export function outcomeRoutes(outcomes: OutcomeService, settings: OutcomeSettingsService) {
  const tag = 'outcomes';
  return [
    defineRoute({
      method: 'get',
      path: '/api/outcomes',
      access: 'viewer',
      tag,
      summary:
        'Did shipped work move its key results: hit rate, movement per effort point and calibration per quarter and team, and the items (correlation, not proof of cause)',
      query: OutcomeQuerySchema,
      response: OutcomeReportSchema,
      handler: ({ query }) => outcomes.report(query),
    }),
    defineRoute({
      method: 'get',
      path: '/api/exports/outcomes.csv',
      access: 'viewer',
      tag,
      summary: 'The shipped items and the movement of each of their key results, as CSV (one row per item and KR)',
      query: OutcomeExportQuerySchema,
      handler: async ({ query, res }) => {
        const report = await outcomes.report({ ...query, limit: 5000 });
        const items = report.itemCount > 5000 ? await outcomes.items(query) : report.items;
        const cycles = new Map(report.cycles.map((c) => [c.id, c.name]));
        const teams = new Map(report.teams.map((t) => [t.id, t.name]));
        const day = isoDay();
        return sendCsv(res, `keyline-outcomes-${day}.csv`, OUTCOME_COLUMNS, pages(items, cycles, teams));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/settings/outcomes',
      access: 'viewer',
      tag,
      summary: 'The outcome window and check-in noise threshold (version 0 = defaults)',
      response: VersionedOutcomeSettingsSchema,
      handler: () => settings.get(),
    }),
    defineRoute({
      method: 'put',
      path: '/api/settings/outcomes',
      access: 'admin',
      sessionOnly: true,
      tag,
      summary: 'Change the outcome window and noise threshold',
      body: OutcomeSettingsSchema,
      ifMatch: true,
      response: VersionedOutcomeSettingsSchema,
      handler: ({ actor, body, ifMatch }) => settings.update(actor, ifMatch, body),
    }),
  ];
}

async function* pages(
  items: readonly ItemOutcomeDto[],
  cycles: ReadonlyMap<string, string>,
  teams: ReadonlyMap<string, string>,
): AsyncGenerator<CellValue[][]> {
  const PAGE = 2000;
  for (let start = 0; start < items.length; start += PAGE) {
    const rows: CellValue[][] = [];
    for (const item of items.slice(start, start + PAGE)) {
      for (const l of item.links) {
        rows.push([
          cycles.get(item.cycleId) ?? '',
          item.teamId === null ? 'No team' : (teams.get(item.teamId) ?? ''),
          item.externalKey ?? '',
          item.title,
          item.doneAt,
          OUTCOME_LABELS[item.state],
          item.provisional ? 'yes' : 'no',
          item.effort,
          item.predicted,
          l.keyResultTitle,
          l.ownerName ?? '',
          l.strength,
          l.valueAtDone,
          l.measuredUntil ?? '',
          l.valueAfter,
          pct(l.movement),
          pct(l.paceBefore),
          pct(l.paceAfter),
          pct(l.lift),
          l.sharedWith.map((s) => s.title).join('; '),
          pct(l.credit),
        ]);
      }
    }
    yield rows;
  }
}
