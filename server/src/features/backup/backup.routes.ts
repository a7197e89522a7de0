import { isoDay } from '@keyline/shared';
import { z } from 'zod';
import { clearSessionCookie } from '../../auth/cookies';
import { defineRoute } from '../../http/route';
import { BackupDocumentSchema } from './backup-validate';
import type { BackupService } from './backup.service';
import { readRestoreBody, RESTORE_PATH } from './restore-body';

const RestoreResultSchema = z.object({
  restored: z.record(z.string(), z.number().int()),
  signInAgain: z.literal(true),
});

export function backupRoutes(backups: BackupService) {
  const tag = 'backup';
  return [
    defineRoute({
      method: 'get',
      path: '/api/backup',
      access: 'admin',
      sessionOnly: true,
      tag,
      summary: 'The whole organisation as one JSON document (sessions and sign-in attempts left out)',
      response: BackupDocumentSchema,
      handler: async ({ res }) => {
        const doc = await backups.backup();
        res.setHeader('Content-Disposition', `attachment; filename="keyline-backup-${isoDay()}.json"`);
        return doc;
      },
    }),
    defineRoute({
      method: 'post',
      path: RESTORE_PATH,
      access: 'admin',
      sessionOnly: true,
      tag,
      summary:
        'Restore a backup into an empty installation (up to 100 MB); you then sign in with an account from the backup',
      largeBody: readRestoreBody,
      body: BackupDocumentSchema,
      response: RestoreResultSchema,
      handler: async ({ actor, body, req, res }) => {
        const result = await backups.restore(actor, body);
        req.log?.info({ actor: actor.email, restored: result.restored }, 'backup restored');
        // The restoring admin's session went with their placeholder account.
        clearSessionCookie(req, res);
        return { ...result, signInAgain: true as const };
      },
    }),
  ];
}
