import { IMPORT_FIELD_LABELS, IMPORT_FIELDS, type ImportField, type ImportMapping } from '@keyline/shared';

interface Props {
  headers: string[];
  mapping: ImportMapping;
  missing: ImportField[];
  onChange: (mapping: ImportMapping) => void;
  disabled?: boolean;
}

/** One choice per column of the file: which Keyline field it fills, or Ignore. */
export function MappingTable({ headers, mapping, missing, onChange, disabled }: Props) {
  return (
    <>
      {missing.length > 0 && (
        <p className="error-text" role="alert">
          Choose a column for {missing.map((f) => IMPORT_FIELD_LABELS[f]).join(', ')}: every item needs one.
        </p>
      )}
      <table className="import-table">
        <thead>
          <tr>
            <th scope="col">Column in the file</th>
            <th scope="col">Keyline field</th>
          </tr>
        </thead>
        <tbody>
          {headers.map((header) => (
            <tr key={header}>
              <td>{header}</td>
              <td>
                <select
                  aria-label={`Field for column ${header}`}
                  value={mapping[header] ?? 'ignore'}
                  disabled={disabled}
                  onChange={(event) => onChange({ ...mapping, [header]: event.target.value as ImportField | 'ignore' })}
                >
                  <option value="ignore">Ignore</option>
                  {IMPORT_FIELDS.map((field) => (
                    <option key={field} value={field}>
                      {IMPORT_FIELD_LABELS[field]}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
