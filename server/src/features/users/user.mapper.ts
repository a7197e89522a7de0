import type { User } from '@keyline/shared';
import type { UserEntity } from './user.entity';

/** Never the password hash. */
export const toUserDto = (u: UserEntity): User => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  disabled: u.disabled,
  version: u.version,
  createdAt: u.createdAt,
  updatedAt: u.updatedAt,
});
