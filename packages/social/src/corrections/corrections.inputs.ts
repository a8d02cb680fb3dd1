import { IsUUID, Length } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';

@InputType({
  description: 'Annuls a wrong decision on an application with the reason; the correct one is taken anew',
})
export class AnnulDecisionInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Неверный идентификатор заявления' })
  applicationId!: string;

  @Field(() => String)
  @Length(5, 1000, { message: 'Причина аннулирования: от 5 до 1000 символов' })
  reason!: string;
}

@InputType({ description: 'Annuls a wrong termination with the reason; participation goes on' })
export class AnnulTerminationInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Неверный идентификатор прекращения' })
  terminationId!: string;

  @Field(() => String)
  @Length(5, 1000, { message: 'Причина аннулирования: от 5 до 1000 символов' })
  reason!: string;
}
