import { LocalDate } from '@sl/core';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';

/** What happened in a person's case; each kind has its SQL source in `timeline.service.ts`. */
export enum CaseEventKind {
  APPLICATION_SUBMITTED = 'APPLICATION_SUBMITTED',
  APPLICATION_DECIDED = 'APPLICATION_DECIDED',
  REQUEST_SENT = 'REQUEST_SENT',
  REQUEST_ANSWERED = 'REQUEST_ANSWERED',
  ASSESSMENT = 'ASSESSMENT',
  ASSESSMENT_ANNULLED = 'ASSESSMENT_ANNULLED',
  DECISION_ANNULLED = 'DECISION_ANNULLED',
  TERMINATION_ANNULLED = 'TERMINATION_ANNULLED',
  STAGE_STARTED = 'STAGE_STARTED',
  STAGE_ENDED = 'STAGE_ENDED',
  READINESS_REVIEW = 'READINESS_REVIEW',
  HOUSING_FROM = 'HOUSING_FROM',
  HOUSING_TO = 'HOUSING_TO',
  SERVICE_PLAN = 'SERVICE_PLAN',
  TEAM_MEMBER = 'TEAM_MEMBER',
  VISIT = 'VISIT',
  CONSENT = 'CONSENT',
  TERMINATION = 'TERMINATION',
  DECISION_NOTIFIED = 'DECISION_NOTIFIED',
  DOCUMENT_UPLOADED = 'DOCUMENT_UPLOADED',
}
registerEnumType(CaseEventKind, {
  name: 'CaseEventKind',
  valuesConfig: {
    APPLICATION_SUBMITTED: { description: 'подано заявление (001 §3); code — кем подано' },
    APPLICATION_DECIDED: {
      description: 'принято решение (001 §14); code — решение, text — основание отказа',
    },
    REQUEST_SENT: {
      description: 'направлен межведомственный запрос (001 §4); code — предмет, by — ведомство',
    },
    REQUEST_ANSWERED: { description: 'получен ответ на межведомственный запрос; code — предмет' },
    ASSESSMENT: {
      description: 'оценена нуждаемость (001 §5); code — степень, text — баллы, by — кто оценил',
    },
    ASSESSMENT_ANNULLED: {
      description:
        'оценка аннулирована; code — степень аннулированной оценки, text — причина, by — кто аннулировал',
    },
    DECISION_ANNULLED: {
      description:
        'решение по заявлению аннулировано; code — аннулированное решение, text — причина, by — кто аннулировал',
    },
    TERMINATION_ANNULLED: {
      description:
        'прекращение аннулировано, участие восстановлено; code — основание прекращения, text — причина, by — кто аннулировал',
    },
    STAGE_STARTED: { description: 'начат этап (002 §15); code — этап, by — поставщик' },
    STAGE_ENDED: { description: 'завершён этап; code — этап' },
    READINESS_REVIEW: { description: 'оценка готовности (002 §15.2); code — итог, text — номер оценки' },
    HOUSING_FROM: { description: 'заселение; text — адрес' },
    HOUSING_TO: { description: 'выезд; text — адрес' },
    SERVICE_PLAN: { description: 'план обслуживания; text — часов в неделю, by — поставщик' },
    TEAM_MEMBER: { description: 'в команду включён специалист; code — должность, by — ФИО' },
    VISIT: { description: 'посещение на дому проведено; text — часов, by — специалист' },
    CONSENT: {
      description: 'согласие дано или отозвано; code — действие, text — вид согласия, by — кто внёс',
    },
    TERMINATION: { description: 'прекращено сопровождаемое проживание (001 §17); code — основание' },
    DECISION_NOTIFIED: {
      description:
        'гражданин проинформирован о решении (001 §13); code — способ, text — примечание, by — кто внёс',
    },
    DOCUMENT_UPLOADED: {
      description: 'в дело добавлен файл документа; code — вид документа, by — кто добавил',
    },
  },
});

/**
 * The write of a case's record that an event tells of, as a key the access subgraph completes
 * from its audit log (who wrote it): social keeps no account of its writers, access does.
 * `change` is `create` for the record's creation, else the field whose first setting is the event
 * (`decidedOn`, `answeredOn`, `endedOn`, `toDate`, `recordedAt`).
 */
@Directive('@key(fields: "recipientId entity entityId change", resolvable: false)')
@ObjectType('RecordWrite')
export class RecordWriteReference {
  @Field(() => ID)
  recipientId!: string;

  @Field(() => String)
  entity!: string;

  @Field(() => ID)
  entityId!: string;

  @Field(() => String)
  change!: string;
}

/**
 * One event of the case, as its own record states it. Not stored: read from the case's tables,
 * so the timeline can never disagree with them.
 */
@ObjectType({ description: 'Событие случая: что произошло, когда и кем (где запись это называет)' })
export class CaseEvent {
  @Field(() => LocalDate)
  on!: string;

  @Field(() => CaseEventKind)
  kind!: CaseEventKind;

  @Field(() => String, {
    nullable: true,
    description: "The record's enum value (decision, subject, degree, stage, outcome…), per kind",
  })
  code!: string | null;

  @Field(() => String, { nullable: true, description: 'Score, hours, address, refusal ground…' })
  text!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Who: the agency, assessor, provider, staff member or user named by the record',
  })
  by!: string | null;

  @Field(() => RecordWriteReference, {
    description: 'The write the event tells of; its author (the user who recorded it) is served by access',
  })
  write!: RecordWriteReference;
}
