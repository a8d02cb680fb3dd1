import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed GraphQL operations: each `graphql(`…`)` of `src/gql` is validated against the API schema
 * the gateway serves (the committed `schema/api.graphql`) and given its result and variable types.
 * `./dev.sh codegen` writes `src/gql/`; the dashboard's build runs it too, so an operation that no
 * longer matches the schema fails the build. Only `graphql` calls are read: the data provider's
 * operations are built from the registry and checked by `scripts/check-operations.ts`.
 */
const config: CodegenConfig = {
  schema: '../../schema/api.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**'],
  pluckConfig: { globalGqlIdentifierName: 'graphql', modules: [{ name: './gql', identifier: 'graphql' }] },
  ignoreNoDocuments: false,
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        skipTypename: true,
        // As JSON carries them: ISO strings.
        scalars: { DateTimeISO: 'string', LocalDate: 'string', JSON: 'unknown' },
      },
    },
  },
};

export default config;
