import { errorMessage } from '../../../lib/errors';
import { useDownloadBackup } from '../api/backup.api';
import { formatFileSize } from '../utils/backup-file';

/** One button: the server writes the document, the browser saves it. */
export function DownloadBackup() {
  const download = useDownloadBackup();
  return (
    <div className="st-form bk-card" role="group" aria-labelledby="bk-download-title">
      <h3 id="bk-download-title">Download backup</h3>
      <p>
        Every table: members and their roles, teams, quarters, objectives, key results and check-ins, the backlog and
        its links, settings, the audit history, API tokens, share links and the dashboard's history. Sign-ins (sessions)
        and the sign-in attempt log are left out.
      </p>
      <p className="bk-warning">
        The file holds password hashes and token hashes: keep it as safe as the database itself.
      </p>
      <div className="bk-actions">
        <button
          type="button"
          className="button primary"
          onClick={() => download.mutate()}
          disabled={download.isPending}
        >
          {download.isPending ? 'Preparing the backup…' : 'Download backup'}
        </button>
        <span role="status" className="bk-status">
          {download.isPending && 'Reading every table…'}
          {download.isSuccess && `Saved ${download.data.fileName} (${formatFileSize(download.data.bytes)}).`}
        </span>
      </div>
      {download.isError && (
        <p role="alert" className="error-text">
          Couldn't download the backup: {errorMessage(download.error)}
        </p>
      )}
    </div>
  );
}
