import { useState, type DragEvent } from 'react';
import { IMPORT_MAX_BYTES, IMPORT_MAX_ROWS } from '@keyline/shared';

interface Props {
  onFile: (file: File) => void;
  fileName?: string;
}

/** A plain file input (keyboard and screen readers know it) inside a zone that also takes a dropped file. */
export function FileDrop({ onFile, fileName }: Props) {
  const [dragging, setDragging] = useState(false);
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) onFile(file);
  };
  return (
    <div
      className={`file-drop${dragging ? ' is-dragging' : ''}`}
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={drop}
    >
      <label className="field">
        <span>CSV file</span>
        <input
          type="file"
          accept=".csv,text/csv"
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) onFile(file);
            // Choosing the same file again (after fixing it) must upload again.
            event.target.value = '';
          }}
        />
      </label>
      <p className="meta">
        {fileName ? `Chosen: ${fileName}. ` : 'Or drop the file here. '}
        From Jira: Filters → Export → Export CSV (all fields). Up to {IMPORT_MAX_BYTES / 1024 / 1024} MB and{' '}
        {IMPORT_MAX_ROWS.toLocaleString()} rows, UTF-8.
      </p>
    </div>
  );
}
