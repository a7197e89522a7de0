import { describe, expect, it } from 'vitest';
import { dragMove, neighbourMove } from './moves';

const IDS = ['a', 'b', 'c'];

describe('re-rank moves', () => {
  it('Alt+↑ moves before the upper neighbour, Alt+↓ after the lower one', () => {
    expect(neighbourMove(IDS, 1, 'up')).toEqual({ move: { beforeId: 'a' }, toIndex: 0 });
    expect(neighbourMove(IDS, 1, 'down')).toEqual({ move: { afterId: 'c' }, toIndex: 2 });
  });

  it('does nothing past either end', () => {
    expect(neighbourMove(IDS, 0, 'up')).toBeNull();
    expect(neighbourMove(IDS, 2, 'down')).toBeNull();
  });

  it('lands a drag after the row it was dropped on when dragged down, before it when dragged up', () => {
    expect(dragMove(IDS, 'a', 'c')).toEqual({ move: { afterId: 'c' }, toIndex: 2 });
    expect(dragMove(IDS, 'c', 'a')).toEqual({ move: { beforeId: 'a' }, toIndex: 0 });
    expect(dragMove(IDS, 'b', 'b')).toBeNull();
  });
});
