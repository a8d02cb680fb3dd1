import { registerEnumType } from 'type-graphql';

export enum AppliedBy {
  PERSON = 'PERSON',
  REPRESENTATIVE = 'REPRESENTATIVE',
}
registerEnumType(AppliedBy, {
  name: 'AppliedBy',
  description: 'Who filed the application (001 §3 а, 002 §4)',
});

export enum ApplicationStatus {
  SUBMITTED = 'SUBMITTED',
  UNDER_REVIEW = 'UNDER_REVIEW',
  DECIDED = 'DECIDED',
}
registerEnumType(ApplicationStatus, { name: 'ApplicationStatus' });

/** The documents of seed 001 §3 (б–ж) the applicant hands in with the application (а). */
export enum ApplicationDocumentKind {
  IDENTITY_DOCUMENT = 'IDENTITY_DOCUMENT',
  IPPSU = 'IPPSU',
  MEDICAL_CONCLUSION = 'MEDICAL_CONCLUSION',
  REPRESENTATIVE_IDENTITY = 'REPRESENTATIVE_IDENTITY',
  REPRESENTATIVE_AUTHORITY = 'REPRESENTATIVE_AUTHORITY',
}
registerEnumType(ApplicationDocumentKind, {
  name: 'ApplicationDocumentKind',
  valuesConfig: {
    IDENTITY_DOCUMENT: { description: '001 §3 б: документ, удостоверяющий личность инвалида' },
    IPPSU: { description: '001 §3 г: индивидуальная программа предоставления социальных услуг' },
    MEDICAL_CONCLUSION: {
      description: '001 §3 д: заключение о противопоказаниях (по инициативе гражданина)',
    },
    REPRESENTATIVE_IDENTITY: { description: '001 §3 ж: документ, удостоверяющий личность представителя' },
    REPRESENTATIVE_AUTHORITY: { description: '001 §3 ж: документ, удостоверяющий полномочия представителя' },
  },
});

export enum Decision {
  GRANTED = 'GRANTED',
  REFUSED = 'REFUSED',
  OTHER_FORM = 'OTHER_FORM',
}
registerEnumType(Decision, {
  name: 'Decision',
  valuesConfig: {
    GRANTED: { description: 'предоставить сопровождаемое проживание' },
    REFUSED: { description: 'отказать (основания 001 §16)' },
    OTHER_FORM: { description: 'предоставить социальное обслуживание в иной форме (001 §13 д)' },
  },
});

/** Grounds of refusal, seed 001 §16 a–d. */
export enum RefusalGround {
  NO_DEGREE = 'NO_DEGREE',
  DOCUMENTS_NOT_SUBMITTED = 'DOCUMENTS_NOT_SUBMITTED',
  ASSESSMENT_REFUSED = 'ASSESSMENT_REFUSED',
  OTHER_FORM_CHOSEN = 'OTHER_FORM_CHOSEN',
}
registerEnumType(RefusalGround, {
  name: 'RefusalGround',
  valuesConfig: {
    NO_DEGREE: { description: '001 §16 а: степень нарушения автономии не установлена' },
    DOCUMENTS_NOT_SUBMITTED: { description: '001 §16 б: не представлены документы по п. 3' },
    ASSESSMENT_REFUSED: { description: '001 §16 в: письменный отказ от оценки' },
    OTHER_FORM_CHOSEN: { description: '001 §16 г: решение о социальном обслуживании в иной форме' },
  },
});
