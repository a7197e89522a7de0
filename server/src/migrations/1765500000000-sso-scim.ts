import { type MigrationInterface, type QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';

const id = { type: 'varchar', length: '36' };
const stamp = { type: 'varchar', length: '24' };
const cascadeTo = (column: string, table: string, referenced = 'id') =>
  new TableForeignKey({
    columnNames: [column],
    referencedTableName: table,
    referencedColumnNames: [referenced],
    onDelete: 'CASCADE',
  });

/** Single sign-on (OpenID Connect) and SCIM provisioning. */
export class SsoScim1765500000000 implements MigrationInterface {
  name = 'SsoScim1765500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'oidc_login_states',
        columns: [
          { name: 'stateHash', type: 'varchar', length: '64', isPrimary: true },
          { name: 'codeVerifier', type: 'varchar', length: '128' },
          { name: 'nonce', type: 'varchar', length: '128' },
          { name: 'returnTo', type: 'varchar', length: '500' },
          { name: 'createdAt', ...stamp },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'sso_identities',
        columns: [
          { name: 'id', ...id, isPrimary: true },
          { name: 'userId', ...id },
          { name: 'issuer', type: 'varchar', length: '500' },
          { name: 'subject', type: 'varchar', length: '255' },
          { name: 'linkedAt', ...stamp },
        ],
        foreignKeys: [cascadeTo('userId', 'users')],
        indices: [
          new TableIndex({ name: 'UQ_sso_identities_user', columnNames: ['userId'], isUnique: true }),
          new TableIndex({ name: 'UQ_sso_identities_subject', columnNames: ['issuer', 'subject'], isUnique: true }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'sso_sessions',
        columns: [
          { name: 'tokenHash', type: 'varchar', length: '64', isPrimary: true },
          { name: 'idToken', type: 'text' },
          { name: 'createdAt', ...stamp },
        ],
        foreignKeys: [cascadeTo('tokenHash', 'sessions', 'tokenHash')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'scim_tokens',
        columns: [
          { name: 'id', ...id, isPrimary: true },
          { name: 'name', type: 'varchar', length: '100' },
          { name: 'tokenHash', type: 'varchar', length: '64' },
          { name: 'createdAt', ...stamp },
          { name: 'createdBy', type: 'varchar', length: '100' },
          { name: 'lastUsedAt', ...stamp, isNullable: true },
          { name: 'revokedAt', ...stamp, isNullable: true },
        ],
        indices: [new TableIndex({ name: 'UQ_scim_tokens_hash', columnNames: ['tokenHash'], isUnique: true })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'scim_users',
        columns: [
          { name: 'userId', ...id, isPrimary: true },
          { name: 'userName', type: 'varchar', length: '254' },
          { name: 'externalId', type: 'varchar', length: '255', isNullable: true },
          { name: 'givenName', type: 'varchar', length: '100', isNullable: true },
          { name: 'familyName', type: 'varchar', length: '100', isNullable: true },
          { name: 'removedAt', ...stamp, isNullable: true },
          { name: 'createdAt', ...stamp },
        ],
        foreignKeys: [cascadeTo('userId', 'users')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'scim_groups',
        columns: [
          { name: 'id', ...id, isPrimary: true },
          { name: 'displayName', type: 'varchar', length: '255' },
          { name: 'externalId', type: 'varchar', length: '255', isNullable: true },
          { name: 'version', type: 'integer' },
          { name: 'createdAt', ...stamp },
          { name: 'updatedAt', ...stamp },
        ],
        indices: [new TableIndex({ name: 'UQ_scim_groups_name', columnNames: ['displayName'], isUnique: true })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'scim_group_members',
        columns: [
          { name: 'groupId', ...id, isPrimary: true },
          { name: 'userId', ...id, isPrimary: true },
        ],
        foreignKeys: [cascadeTo('groupId', 'scim_groups'), cascadeTo('userId', 'users')],
        indices: [new TableIndex({ name: 'IX_scim_group_members_user', columnNames: ['userId'] })],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'scim_group_members',
      'scim_groups',
      'scim_users',
      'scim_tokens',
      'sso_sessions',
      'sso_identities',
      'oidc_login_states',
    ]) {
      await q.dropTable(table);
    }
  }
}
