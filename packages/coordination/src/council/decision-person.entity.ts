import { randomUUID } from 'node:crypto';
import { Entity, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { CouncilDecision } from './council.entity.js';

/**
 * A person a Council decision names (e.g. "обеспечить сопровождаемое проживание Иванову И. И.").
 * Only the id is kept: the person is social's, and their name is read from social through the graph
 * under social's own access rules and audit.
 */
@Entity({ tableName: 'council_decision_person' })
@Unique({ properties: ['decision', 'recipientId'] })
@Index({ properties: ['recipientId'] })
export class CouncilDecisionPerson {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => CouncilDecision, { deleteRule: 'cascade' })
  decision!: CouncilDecision;

  @Property({ type: 'uuid' })
  recipientId!: string;

  /** The order the secretary listed them in. */
  @Property({ type: 'integer' })
  position!: number;
}
