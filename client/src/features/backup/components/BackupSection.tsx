import { DownloadBackup } from './DownloadBackup';
import { RestoreBackup } from './RestoreBackup';
import './backup.css';

/** Settings → Backup (admins only): the whole organisation to a file, and back into a new installation. */
export function BackupSection() {
  return (
    <section aria-labelledby="bk-title">
      <h2 id="bk-title">Backup</h2>
      <p className="bk-intro">
        Save the whole organisation as one JSON file, and restore it into a new Keyline. For scripts and the
        database-file copy, see docs/IMPORT.md.
      </p>
      <DownloadBackup />
      <RestoreBackup />
    </section>
  );
}
