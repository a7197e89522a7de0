import type { CreatedUser } from '@keyline/shared';
import { useState } from 'react';
import { useSession } from '../../auth/useSession';
import { useUsers } from '../api/users.api';
import { GeneratedPassword } from './GeneratedPassword';
import { InviteMemberForm } from './InviteMemberForm';
import { MemberRow } from './MemberRow';
import { LoadError } from '../../../components/LoadError';

/** Members: who can sign in, with which role; invite new ones. */
export function MembersSection() {
  const me = useSession().data;
  const users = useUsers();
  const [invited, setInvited] = useState<CreatedUser | null>(null);

  return (
    <section aria-labelledby="st-members-title">
      <h2 id="st-members-title">Members</h2>
      {invited?.generatedPassword ? (
        <GeneratedPassword
          name={invited.name}
          email={invited.email}
          password={invited.generatedPassword}
          onDone={() => setInvited(null)}
        />
      ) : (
        <InviteMemberForm onInvited={setInvited} />
      )}
      {users.isPending && <p role="status">Loading members…</p>}
      {users.isError && <LoadError what="members" error={users.error} onRetry={() => void users.refetch()} />}
      {users.data && (
        <table className="st-table">
          <caption className="sr-only">Members, their roles and whether they can sign in</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {users.data.map((user) => (
              <MemberRow key={user.id} user={user} isSelf={user.id === me?.id} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
