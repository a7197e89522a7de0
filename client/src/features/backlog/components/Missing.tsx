import { MISSING } from '../../../lib/format';

/** "—" on screen, words for screen readers (a bare dash reads as nothing useful). */
export function Missing({ label = 'No data' }: { label?: string }) {
  return (
    <>
      <span aria-hidden="true">{MISSING}</span>
      <span className="sr-only">{label}</span>
    </>
  );
}
