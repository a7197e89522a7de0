import { describe, expect, it } from 'vitest';
import { tableColumns, TITLE_MIN, WIDTH_AT_1280 } from './columns';

describe('table columns', () => {
  it('gives editors a selection column and lets the title take the rest', () => {
    const editor = tableColumns({ canEdit: true, wide: false, showValue: false, showFlags: false });
    const viewer = tableColumns({ canEdit: false, wide: false, showValue: false, showFlags: false });
    expect(editor.template.startsWith('36px 60px minmax(180px, 1fr)')).toBe(true);
    expect(viewer.template.startsWith('60px minmax(180px, 1fr)')).toBe(true);
    expect(editor.count - viewer.count).toBe(1);
    expect(editor.minWidth - viewer.minWidth).toBe(36);
  });

  it('adds the WSJF and ICE columns, value and flags only when asked', () => {
    const narrow = tableColumns({ canEdit: true, wide: false, showValue: false, showFlags: false });
    const all = tableColumns({ canEdit: true, wide: true, showValue: true, showFlags: true });
    expect(all.count - narrow.count).toBe(5 + 2);
    expect(all.template.endsWith('100px 84px 72px 128px')).toBe(true);
    expect(all.minWidth).toBeGreaterThan(narrow.minWidth + TITLE_MIN);
  });

  it('fits the RICE table of an editor, with value and flags, on a 1280 px screen: no column is cut off', () => {
    expect(tableColumns({ canEdit: true, wide: false, showValue: true, showFlags: true }).minWidth).toBeLessThanOrEqual(
      WIDTH_AT_1280,
    );
  });
});
