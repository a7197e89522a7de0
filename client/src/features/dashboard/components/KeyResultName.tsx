import { Link } from 'react-router';

/** A KR's title: a link to its page for signed-in readers, plain text on a shared link (those pages need a sign-in). */
export function KeyResultName({ id, title, linked }: { id: string; title: string; linked: boolean }) {
  return linked ? <Link to={`/key-results/${id}`}>{title}</Link> : <span>{title}</span>;
}
