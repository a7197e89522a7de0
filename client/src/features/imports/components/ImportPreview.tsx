import type { ImportIssue, ImportResult } from '@keyline/shared';
import { formatNumber } from '../../../lib/format';

/** What applying would do: counts first, then every problem with its row and column, then the plan row by row. */
export function ImportPreview({ result }: { result: ImportResult }) {
  const { counts } = result;
  return (
    <section aria-labelledby="import-preview-title">
      <h2 id="import-preview-title">Preview</h2>
      <ul className="import-counts" aria-label="What the import would do">
        <Count label="to create" value={counts.create} />
        <Count label="to update" value={counts.update} />
        <Count label="skipped" value={counts.skip} />
        <Count label="with errors" value={counts.error} tone={counts.error > 0 ? 'error' : undefined} />
      </ul>
      {result.errors.length > 0 && (
        <>
          <h3>
            Errors: {formatNumber(counts.error)} {counts.error === 1 ? 'row' : 'rows'}, nothing can be imported until
            they are fixed
          </h3>
          <IssueTable issues={result.errors} caption="Rows that cannot be imported" />
        </>
      )}
      {result.warningCount > 0 && (
        <details className="import-details">
          <summary>
            {formatNumber(result.warningCount)} {result.warningCount === 1 ? 'note' : 'notes'}: imported with a change
          </summary>
          <IssueTable issues={result.warnings} caption="Cells imported with a change" />
        </details>
      )}
      {result.rows.length > 0 && (
        <details className="import-details" open={result.totalRows <= 50}>
          <summary>
            Row by row{result.rows.length < result.totalRows ? ` (first ${formatNumber(result.rows.length)})` : ''}
          </summary>
          <table className="import-table">
            <caption className="sr-only">What happens to each row</caption>
            <thead>
              <tr>
                <th scope="col" className="num">
                  Row
                </th>
                <th scope="col">Action</th>
                <th scope="col">Key</th>
                <th scope="col">Title</th>
                <th scope="col">Detail</th>
              </tr>
            </thead>
            <tbody>
              {result.rows.map((row) => (
                <tr key={row.row}>
                  <td className="num">{row.row}</td>
                  <td>{ACTION_LABEL[row.action]}</td>
                  <td>{row.externalKey ?? '—'}</td>
                  <td>{row.title}</td>
                  <td>{row.detail}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </section>
  );
}

const ACTION_LABEL = { create: 'Create', update: 'Update', skip: 'Skip' } as const;

function Count({ label, value, tone }: { label: string; value: number; tone?: 'error' }) {
  return (
    <li className={`import-count${tone ? ` is-${tone}` : ''}`}>
      <span className="import-count-value">{formatNumber(value)}</span> {label}
    </li>
  );
}

function IssueTable({ issues, caption }: { issues: ImportIssue[]; caption: string }) {
  return (
    <table className="import-table">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr>
          <th scope="col" className="num">
            Row
          </th>
          <th scope="col">Column</th>
          <th scope="col">Problem</th>
        </tr>
      </thead>
      <tbody>
        {issues.map((issue, i) => (
          <tr key={`${issue.row}-${issue.column}-${i}`}>
            <td className="num">{issue.row}</td>
            <td>{issue.column}</td>
            <td>{issue.message}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
