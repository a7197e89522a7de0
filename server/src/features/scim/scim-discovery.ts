import { SCIM } from './scim-protocol';

/** RFC 7643 §5–7: what this SCIM service supports, for providers that read it before provisioning. */

const attribute = (name: string, type: string, extra: Record<string, unknown> = {}) => ({
  name,
  type,
  multiValued: false,
  required: false,
  caseExact: false,
  mutability: 'readWrite',
  returned: 'default',
  uniqueness: 'none',
  ...extra,
});

const subAttributes = (...names: string[]) => names.map((n) => attribute(n, n === 'primary' ? 'boolean' : 'string'));

const USER_SCHEMA = {
  schemas: [SCIM.schema],
  id: SCIM.user,
  name: 'User',
  description: 'A Keyline account. Keyline identifies people by e-mail.',
  attributes: [
    attribute('userName', 'string', { required: true, uniqueness: 'server' }),
    attribute('name', 'complex', { subAttributes: subAttributes('formatted', 'givenName', 'familyName') }),
    attribute('displayName', 'string'),
    attribute('emails', 'complex', { multiValued: true, subAttributes: subAttributes('value', 'type', 'primary') }),
    attribute('active', 'boolean'),
    attribute('groups', 'complex', {
      multiValued: true,
      mutability: 'readOnly',
      subAttributes: subAttributes('value', 'display', '$ref'),
    }),
  ],
  meta: { resourceType: 'Schema', location: `/scim/v2/Schemas/${SCIM.user}` },
};

const GROUP_SCHEMA = {
  schemas: [SCIM.schema],
  id: SCIM.group,
  name: 'Group',
  description: 'A group; its displayName, looked up in OIDC_ROLE_MAP, gives its members a Keyline role.',
  attributes: [
    attribute('displayName', 'string', { required: true, uniqueness: 'server' }),
    attribute('members', 'complex', { multiValued: true, subAttributes: subAttributes('value', 'display', '$ref') }),
  ],
  meta: { resourceType: 'Schema', location: `/scim/v2/Schemas/${SCIM.group}` },
};

export function serviceProviderConfig() {
  return {
    schemas: [SCIM.spConfig],
    patch: { supported: true },
    bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
    filter: { supported: true, maxResults: 200 },
    changePassword: { supported: false },
    sort: { supported: false },
    etag: { supported: false },
    authenticationSchemes: [
      {
        type: 'oauthbearertoken',
        name: 'SCIM token',
        description: 'A token generated in Keyline under Settings → Single sign-on, sent as Authorization: Bearer',
        primary: true,
      },
    ],
    meta: { resourceType: 'ServiceProviderConfig', location: '/scim/v2/ServiceProviderConfig' },
  };
}

export function resourceTypes() {
  const types = [
    { id: 'User', name: 'User', endpoint: '/Users', schema: SCIM.user },
    { id: 'Group', name: 'Group', endpoint: '/Groups', schema: SCIM.group },
  ].map((t) => ({
    schemas: [SCIM.resourceType],
    ...t,
    meta: { resourceType: 'ResourceType', location: `/scim/v2/ResourceTypes/${t.id}` },
  }));
  return {
    schemas: [SCIM.list],
    totalResults: types.length,
    itemsPerPage: types.length,
    startIndex: 1,
    Resources: types,
  };
}

export function schemas() {
  const all = [USER_SCHEMA, GROUP_SCHEMA];
  return { schemas: [SCIM.list], totalResults: all.length, itemsPerPage: all.length, startIndex: 1, Resources: all };
}
