import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * A user of the system as the access subgraph serves them (name, agency), referred to by account
 * id: social stores who runs a case, access knows who that is.
 */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('Colleague')
export class ColleagueReference {
  @Field(() => ID)
  id!: string;
}
