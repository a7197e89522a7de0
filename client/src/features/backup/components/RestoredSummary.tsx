import { useEffect, useRef } from 'react';
import { useNavigate } from 'react-router';
import { formatNumber } from '../../../lib/format';
import { useSignOut } from '../../auth/useSession';
import { tableLabel } from '../utils/backup-file';

/** What the restore wrote, table by table, and the way to the sign-in page (the server has ended this session). */
export function RestoredSummary({ restored }: { restored: Record<string, number> }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const navigate = useNavigate();
  const signOut = useSignOut();
  const tables = Object.entries(restored);
  const rows = tables.reduce((sum, [, count]) => sum + count, 0);

  useEffect(() => heading.current?.focus(), []);

  const signInAgain = () => {
    void navigate('/');
    // Clears every cached answer of the old session and shows the sign-in page.
    signOut.mutate();
  };

  return (
    <div className="bk-done" role="region" aria-labelledby="bk-done-title">
      <h4 id="bk-done-title" ref={heading} tabIndex={-1}>
        Backup restored
      </h4>
      <p>
        {formatNumber(rows)} rows in {tables.length} tables. Your session ended with the restore: sign in again with an
        account from the backup.
      </p>
      <table className="st-table bk-counts">
        <caption className="sr-only">Rows restored per table</caption>
        <thead>
          <tr>
            <th scope="col">Table</th>
            <th scope="col" className="bk-num">
              Rows
            </th>
          </tr>
        </thead>
        <tbody>
          {tables.map(([name, count]) => (
            <tr key={name}>
              <th scope="row">{tableLabel(name)}</th>
              <td className="bk-num">{formatNumber(count)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="button primary" onClick={signInAgain}>
        Sign in again
      </button>
    </div>
  );
}
