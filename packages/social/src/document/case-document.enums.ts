import { registerEnumType } from 'type-graphql';
import { ApplicationDocumentKind } from '../application/application.enums.js';

/** What a file of the case is (issue 23): the papers of 001 §3 and what the case gathers later. */
export enum CaseDocumentKind {
  SIGNED_APPLICATION = 'SIGNED_APPLICATION',
  IDENTITY_DOCUMENT = 'IDENTITY_DOCUMENT',
  IPPSU = 'IPPSU',
  MEDICAL_CONCLUSION = 'MEDICAL_CONCLUSION',
  REPRESENTATIVE_IDENTITY = 'REPRESENTATIVE_IDENTITY',
  POWER_OF_ATTORNEY = 'POWER_OF_ATTORNEY',
  COURT_DECISION = 'COURT_DECISION',
  CONSENT = 'CONSENT',
  OTHER = 'OTHER',
}
registerEnumType(CaseDocumentKind, {
  name: 'CaseDocumentKind',
  valuesConfig: {
    SIGNED_APPLICATION: { description: '001 §3 а: подписанное заявление' },
    IDENTITY_DOCUMENT: { description: '001 §3 б: документ, удостоверяющий личность' },
    IPPSU: { description: '001 §3 г: индивидуальная программа предоставления социальных услуг' },
    MEDICAL_CONCLUSION: {
      description: '001 §3 д: медицинское заключение (сведения о здоровье — особая категория)',
    },
    REPRESENTATIVE_IDENTITY: { description: '001 §3 ж: документ, удостоверяющий личность представителя' },
    POWER_OF_ATTORNEY: { description: '001 §3 ж: доверенность представителя' },
    COURT_DECISION: { description: 'решение суда (о дееспособности, об опеке)' },
    CONSENT: { description: 'подписанное согласие (002, приложение)' },
    OTHER: { description: 'иной документ' },
  },
});

/**
 * The checklist item (001 §3) a file of each kind can satisfy: a power of attorney or a court
 * decision proves the representative's authority; a signed application, a consent or another paper
 * is kept in the case without standing for an item.
 */
export const CHECKLIST_ITEM_OF: Record<CaseDocumentKind, ApplicationDocumentKind | null> = {
  SIGNED_APPLICATION: null,
  IDENTITY_DOCUMENT: ApplicationDocumentKind.IDENTITY_DOCUMENT,
  IPPSU: ApplicationDocumentKind.IPPSU,
  MEDICAL_CONCLUSION: ApplicationDocumentKind.MEDICAL_CONCLUSION,
  REPRESENTATIVE_IDENTITY: ApplicationDocumentKind.REPRESENTATIVE_IDENTITY,
  POWER_OF_ATTORNEY: ApplicationDocumentKind.REPRESENTATIVE_AUTHORITY,
  COURT_DECISION: ApplicationDocumentKind.REPRESENTATIVE_AUTHORITY,
  CONSENT: null,
  OTHER: null,
};

/**
 * Kinds whose content is health data, a special category (152-ФЗ art. 10): read as health details
 * are, only by the coordinator running the case (or through break-the-glass) — docs/access.md.
 */
export const HEALTH_DOCUMENT_KINDS: ReadonlySet<CaseDocumentKind> = new Set([
  CaseDocumentKind.MEDICAL_CONCLUSION,
]);
