import { composeSupergraph } from './supergraph.js';

const owner = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
type Query { person(id: ID!): Person }
type Person @key(fields: "id") { id: ID! name: String! }`;

describe('static composition', () => {
  it('joins the subgraphs into one supergraph', () => {
    const extension = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
type Person @key(fields: "id") { id: ID! jobs: [String!]! }`;
    const sdl = composeSupergraph([
      { name: 'a', sdl: owner },
      { name: 'b', sdl: extension },
    ]);
    expect(sdl).toContain('jobs: [String!]! @join__field(graph: B)');
    expect(sdl).toContain('name: String! @join__field(graph: A)');
  });

  it('refuses subgraphs that define the same field twice without @shareable', () => {
    const clash = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
type Person @key(fields: "id") { id: ID! name: String! }`;
    expect(() =>
      composeSupergraph([
        { name: 'a', sdl: owner },
        { name: 'b', sdl: clash },
      ]),
    ).toThrow(/composition failed[\s\S]*name/i);
  });
});
