import { API_VERSION } from '@sl/core';
import { Query, Resolver } from 'type-graphql';

/** The contract's version, open to anyone (a client checks it before signing in). */
@Resolver()
export class ApiVersionResolver {
  @Query(() => String, {
    description: 'Version of the public API contract (schema/api.graphql; docs/CHANGELOG-API.md), e.g. 1.1.0',
  })
  apiVersion(): string {
    return API_VERSION;
  }
}
