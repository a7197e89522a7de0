import { Entity } from 'typeorm';
import type { Role } from '@keyline/shared';
import { BoolColumn, IdColumn, IntColumn, TextColumn, TimestampColumn } from '../../db/columns';

@Entity('users')
export class UserEntity {
  @IdColumn() id: string;
  /** Stored lower-case; unique. */
  @TextColumn(254) email: string;
  @TextColumn(100) name: string;
  @TextColumn(200) passwordHash: string;
  @TextColumn(10) role: Role;
  @BoolColumn() disabled: boolean;
  @IntColumn() version: number;
  @TimestampColumn() createdAt: string;
  @TimestampColumn() updatedAt: string;
}
