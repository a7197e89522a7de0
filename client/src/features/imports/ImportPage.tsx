import { IMPORT_MAX_BYTES, type ImportMapping } from '@keyline/shared';
import { useState } from 'react';
import { Link } from 'react-router';
import { useNotify } from '../../components/Notifier';
import { formatNumber } from '../../lib/format';
import { useCan } from '../auth/useSession';
import { ExportLinks } from './components/ExportLinks';
import { FileDrop } from './components/FileDrop';
import { ImportPreview } from './components/ImportPreview';
import { MappingTable } from './components/MappingTable';
import { useImport } from './hooks/useImport';
import './imports.css';

/**
 * `/import`: upload a CSV or Jira export, check the mapping and the preview,
 * then apply it (all rows or none). Exports live here too.
 */
export function ImportPage() {
  const canImport = useCan('editor');
  const notify = useNotify();
  const flow = useImport();
  const [file, setFile] = useState<File | null>(null);
  const [tooLarge, setTooLarge] = useState<string | null>(null);
  const preview = flow.preview;

  const choose = (chosen: File) => {
    setFile(chosen);
    if (chosen.size > IMPORT_MAX_BYTES) {
      setTooLarge(
        `${chosen.name} is ${(chosen.size / 1024 / 1024).toFixed(1)} MB; the limit is ${IMPORT_MAX_BYTES / 1024 / 1024} MB. Split it into smaller files.`,
      );
      flow.reset();
      return;
    }
    setTooLarge(null);
    flow.previewFile(chosen);
  };
  const remap = (mapping: ImportMapping) => file && flow.previewFile(file, mapping);
  const apply = () => {
    if (!file || !preview) return;
    flow.applyFile(file, preview.mapping);
  };
  const ready =
    preview &&
    preview.counts.error === 0 &&
    preview.missingFields.length === 0 &&
    preview.counts.create + preview.counts.update > 0;
  const applied = flow.applied;

  return (
    <div className="import-page">
      <h1>Import and export</h1>
      {canImport ? (
        <section aria-labelledby="import-title">
          <h2 id="import-title">Import backlog items</h2>
          <p>
            Items are matched by their key (e.g. a Jira issue key): importing the same export again updates them instead
            of adding copies. Nothing is written until you apply, and then every row is imported or none.
          </p>
          <FileDrop onFile={choose} fileName={file?.name} />
          {tooLarge && (
            <p className="error-text" role="alert">
              {tooLarge}
            </p>
          )}
          {flow.error && (
            <p className="error-text" role="alert">
              {flow.error.message}
            </p>
          )}
          <p role="status" className="meta">
            {flow.pendingMode === 'preview' ? 'Reading the file…' : flow.pendingMode === 'apply' ? 'Importing…' : ''}
          </p>
          {applied && (
            <div className="import-result" role="status" aria-label="Import result">
              <p>
                <strong>
                  Created {formatNumber(applied.counts.create)}, updated {formatNumber(applied.counts.update)}, skipped{' '}
                  {formatNumber(applied.counts.skip)}.
                </strong>
              </p>
              <p>
                <Link to="/backlog">Open the backlog</Link>
              </p>
            </div>
          )}
          {preview && file && (
            <>
              <p className="import-format">
                <span className="badge">{preview.format === 'jira' ? 'Jira export' : 'Generic CSV'}</span>{' '}
                {formatNumber(preview.totalRows)} rows, separated by “
                {preview.delimiter === '\t' ? 'tab' : preview.delimiter}”
              </p>
              <details
                className="import-details"
                open={preview.format === 'generic' || preview.missingFields.length > 0}
              >
                <summary>
                  Columns → fields
                  {preview.format === 'jira' ? ' (Jira’s columns are recognised; change any you like)' : ''}
                </summary>
                <MappingTable
                  headers={preview.headers}
                  mapping={preview.mapping}
                  missing={preview.missingFields}
                  onChange={remap}
                  disabled={flow.pending}
                />
              </details>
              <ImportPreview result={preview} />
              <div className="row-actions">
                <button type="button" className="button primary" disabled={!ready || flow.pending} onClick={apply}>
                  {preview.counts.create + preview.counts.update > 0
                    ? `Apply: create ${formatNumber(preview.counts.create)}, update ${formatNumber(preview.counts.update)}`
                    : 'Nothing to apply'}
                </button>
                <button
                  type="button"
                  className="button ghost"
                  onClick={() => {
                    setFile(null);
                    flow.reset();
                    notify({ kind: 'info', message: 'Import cancelled; nothing was written.' });
                  }}
                >
                  Cancel
                </button>
              </div>
            </>
          )}
        </section>
      ) : (
        <p>Importing needs the editor role. You can still download the data below.</p>
      )}
      <ExportLinks />
    </div>
  );
}
