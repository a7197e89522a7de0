import { BacklogListQuerySchema, IdSchema, isoDay } from '@keyline/shared';
import { z } from 'zod';
import { defineRoute } from '../../http/route';
import { sendCsv } from './csv-cells';
import { BACKLOG_COLUMNS, OKR_COLUMNS, type ExportService } from './export.service';

/** The backlog list's own filters and sort; the whole list, so no paging. */
const BacklogExportQuerySchema = BacklogListQuerySchema.omit({ limit: true, cursor: true });
const OkrExportQuerySchema = z.strictObject({
  /** Defaults to the active cycle (else the latest). */
  cycleId: IdSchema.optional(),
});

const today = () => isoDay();

export function exportRoutes(exports: ExportService) {
  const tag = 'exports';
  return [
    defineRoute({
      method: 'get',
      path: '/api/exports/backlog.csv',
      access: 'viewer',
      tag,
      summary: 'The scored backlog as CSV (value score, flags, linked KRs), with the backlog list’s filters and sort',
      query: BacklogExportQuerySchema,
      handler: ({ query, res }) =>
        sendCsv(res, `keyline-backlog-${today()}.csv`, BACKLOG_COLUMNS, exports.backlogRows(query)),
    }),
    defineRoute({
      method: 'get',
      path: '/api/exports/okrs.csv',
      access: 'viewer',
      tag,
      summary: 'A cycle’s objectives, key results and check-ins as CSV',
      query: OkrExportQuerySchema,
      handler: async ({ query, res }) => {
        const cycle = await exports.chooseCycle(query.cycleId);
        const name = cycle ? cycle.name.replace(/[^\w.-]+/g, '-') : 'none';
        return sendCsv(res, `keyline-okrs-${name}.csv`, OKR_COLUMNS, exports.okrRows(cycle));
      },
    }),
  ];
}
