import { Link } from 'react-router';
import type { BacklogItem } from '@keyline/shared';

const STRENGTH: Record<number, string> = { 1: 'Weak', 2: 'Medium', 3: 'Strong' };
const STATUS: Record<BacklogItem['status'], string> = {
  idea: 'Idea',
  ready: 'Ready',
  'in-progress': 'In progress',
  done: 'Done',
  dropped: 'Dropped',
};

/** The backlog items tagged to this KR, with how strongly each serves it. */
export function LinkedItems({
  keyResultId,
  items,
  total,
}: {
  keyResultId: string;
  items: BacklogItem[];
  total: number;
}) {
  return (
    <section className="kr-section" aria-labelledby="linked-title">
      <h2 id="linked-title">Backlog items serving it</h2>
      {items.length === 0 ? (
        <p className="meta">
          No backlog items serve this key result yet. <Link to="/backlog">Tag items to it from the backlog.</Link>
        </p>
      ) : (
        <>
          <ul className="linked-list" data-testid="linked-items">
            {items.map((item) => {
              const strength = item.links.find((l) => l.keyResultId === keyResultId)?.strength ?? 0;
              return (
                <li key={item.id} className="linked-item">
                  <Link to={`/backlog/${item.id}`}>{item.title}</Link>
                  <span className="badge">{STATUS[item.status]}</span>
                  <span className="strength">
                    <span role="img" aria-label={`Strength ${strength} of 3`}>
                      {'●'.repeat(strength)}
                      {'○'.repeat(Math.max(0, 3 - strength))}
                    </span>{' '}
                    {STRENGTH[strength] ?? '—'}
                  </span>
                </li>
              );
            })}
          </ul>
          {total > items.length && (
            <p className="meta">
              Showing {items.length} of {total}.{' '}
              <Link to={`/backlog?keyResultId=${keyResultId}`}>See them all in the backlog</Link>
            </p>
          )}
        </>
      )}
    </section>
  );
}
