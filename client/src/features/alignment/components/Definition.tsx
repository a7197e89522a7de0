import { useId, useState, type ReactNode } from 'react';

/** A definition one click away: a disclosure button that reveals the text below it. */
export function Definition({ term, children }: { term: string; children: ReactNode }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  return (
    <div className="definition">
      <button
        type="button"
        className="definition-toggle"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((o) => !o)}
      >
        <span aria-hidden="true">{open ? '▾' : '▸'}</span> How is {term} defined?
      </button>
      <div id={id} className="definition-text" hidden={!open}>
        {children}
      </div>
    </div>
  );
}
