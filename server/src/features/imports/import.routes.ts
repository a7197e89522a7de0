import { ImportQuerySchema, ImportResultSchema } from '@keyline/shared';
import { defineRoute } from '../../http/route';
import type { ImportService } from './import.service';
import { readCsvUpload } from './read-upload';

/** The one path that accepts a text/csv body (see the CSRF guard). */
export const IMPORT_PATH = '/api/imports';

export function importRoutes(imports: ImportService) {
  return [
    defineRoute({
      method: 'post',
      path: IMPORT_PATH,
      access: 'editor',
      tag: 'imports',
      summary:
        'Import backlog items from a CSV or Jira export (body: text/csv, up to 10 MB): preview, or apply all rows or none',
      query: ImportQuerySchema,
      largeBody: readCsvUpload,
      response: ImportResultSchema,
      handler: ({ actor, query, req }) => imports.run(actor, query, req.body as Buffer),
    }),
  ];
}
