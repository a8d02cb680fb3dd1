import { Ministry } from '@sl/core';
import { registerEnumType } from 'type-graphql';

/**
 * The person's consents the authorised body keeps: the application form's consent to the
 * assessment (seed 002, appendix form: «согласие на проведение индивидуального анкетирования»),
 * consent to the processing of personal data (152-ФЗ art. 9; special categories art. 10), and
 * consent to share their data with a named ministry or agency.
 */
export enum ConsentKind {
  ASSESSMENT = 'ASSESSMENT',
  PERSONAL_DATA = 'PERSONAL_DATA',
  SHARING = 'SHARING',
}
registerEnumType(ConsentKind, {
  name: 'ConsentKind',
  valuesConfig: {
    ASSESSMENT: { description: 'Согласие на индивидуальное анкетирование (оценку нуждаемости)' },
    PERSONAL_DATA: { description: 'Согласие на обработку персональных данных (152-ФЗ)' },
    SHARING: { description: 'Согласие на передачу сведений названному ведомству' },
  },
});

/** A consent is given, and may later be withdrawn: each is a dated fact, none is ever erased. */
export enum ConsentAction {
  GIVEN = 'GIVEN',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(ConsentAction, { name: 'ConsentAction' });

registerEnumType(Ministry, {
  name: 'Ministry',
  description: 'The ministry a sharing consent names (its officers read the person’s data under it)',
});

export { Ministry };
