import { useTranslate } from 'react-admin';
import type { CaseRecord } from '../caseData';
import { AnnulRecord } from './AnnulRecord';

type Assessment = NonNullable<CaseRecord['assessments']>[number];

/**
 * Annuls a wrong assessment; a correct one is recorded anew with the "Оценка нуждаемости" step the
 * summary then offers.
 */
export function AnnulAssessment({ assessment, date }: { assessment: Assessment; date: string }) {
  const translate = useTranslate();
  return (
    <AnnulRecord
      mutation="annulAssessment"
      inputType="AnnulAssessmentInput"
      idField="assessmentId"
      id={assessment.id}
      title={translate('case.annul.title', { date })}
      intro={translate('case.annul.intro', { score: assessment.score })}
      done={translate('case.annul.done', { date })}
    />
  );
}
