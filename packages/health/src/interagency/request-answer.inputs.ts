import { IsUUID, ValidateNested } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { MedicalConclusionFields } from '../conclusion/medical-conclusion.inputs.js';

@InputType()
export class AnswerInteragencyRequestInput {
  @Field(() => ID, { description: 'The request, as the queue (`interagencyQueue`) lists it' })
  @IsUUID('all', { message: 'Неверный идентификатор запроса' })
  requestId!: string;

  @Field(() => ID, { description: 'The person the request is about, as the queue lists it' })
  @IsUUID('all', { message: 'Неверный идентификатор получателя' })
  recipientId!: string;

  @Field(() => MedicalConclusionFields, { description: 'The conclusion issued in answer' })
  @ValidateNested()
  conclusion!: MedicalConclusionFields;
}
