/**
 * The version of the public API contract (`schema/api.graphql`), semantic: the major changes only
 * when something is removed after its deprecation period, the minor when fields or types are added
 * or deprecated. Bumped with an entry in `docs/CHANGELOG-API.md` (a test keeps the two in step);
 * sent in the `API-Version` header of every answer and readable as `Query.apiVersion`.
 */
export const API_VERSION = '1.1.0';

export const API_VERSION_HEADER = 'API-Version';
